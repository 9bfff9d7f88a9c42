using System.Text;
using System.Text.Json;
using CsCheck;

namespace Netra.Acceptance.Support.Hostile;

/// <summary>Who a hostile request comes as.</summary>
public enum HostileCaller
{
    /// <summary>No credentials at all.</summary>
    Anyone,
    /// <summary>The customer whose data must stay as it was (read-only calls and calls whose bodies are all refused).</summary>
    Customer,
    /// <summary>A second session of hers, for logging out (which may succeed and end only that session).</summary>
    SecondSession,
    /// <summary>Netra's own services' credentials, when the environment's service secret is known (else none).</summary>
    NetraService,
}

/// <summary>One endpoint of the contract as the sweep sends to it.</summary>
/// <param name="Fields">its body's string fields, each swept with hostile values</param>
/// <param name="Valid">a body the endpoint could take (field values the sweep replaces one at a time), null: no body</param>
/// <param name="FieldsRefused">a hostile value in any field must be refused; false where the endpoint may take it (a token checked and found invalid)</param>
/// <param name="ReadOnly">a call that changes nothing, so the customer's own token may go with every header case</param>
public sealed record HostileEndpoint(string Service, string Method, string Path, HostileCaller Caller, string[] Fields,
    Func<string, Dictionary<string, string>>? Valid = null, bool FieldsRefused = true, bool ReadOnly = false, bool Prose = false,
    bool TakesAnEmptyObject = false)
{
    public string Name => $"{Method} {Path}";
}

/// <summary>One hostile request and what it must be answered with.</summary>
public sealed record HostileCase(HostileEndpoint Endpoint, string Kind, string Target, IReadOnlyList<(string Name, byte[] Value)> Headers,
    byte[]? Body, bool MustRefuse, string Caller)
{
    public string Describe() =>
        $"{Endpoint.Service} {Endpoint.Method} {Shorten(Target)} as {Caller}: {Kind}" + (Body is null ? "" : $" ({Body.Length} bytes: {Shorten(Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 160)))})");

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}

/// <summary>
/// The sweep's requests: every endpoint of the contract (netra-contract.md, and the stack's internal ones in
/// docs/stack-interface.md) with every kind of hostile input, hand-listed where a kind has a few known shapes and
/// generated (CsCheck, from a fixed seed, so a failing case comes back the same) where variety finds more. Every
/// generated string carries at least one character no field takes, so no case can be taken by accident.
/// </summary>
public static class HostileRequests
{
    /// <summary>The seed of the generated strings: change it to sweep other strings; a failure names its case in full.</summary>
    public const string Seed = "netra-hostile-1";

    public static IReadOnlyList<HostileEndpoint> Endpoints(string unknownEmail, string strongPassword) =>
    [
        new("auth", "POST", "/auth/register", HostileCaller.Anyone, ["email", "password", "name"],
            _ => new() { ["email"] = unknownEmail, ["password"] = strongPassword, ["name"] = "Hostile Input" }),
        new("auth", "POST", "/auth/login", HostileCaller.Anyone, ["email", "password"],
            _ => new() { ["email"] = unknownEmail, ["password"] = strongPassword }),
        new("auth", "POST", "/auth/refresh", HostileCaller.Anyone, ["refresh_token"], _ => new() { ["refresh_token"] = "not-a-refresh-token" }),
        new("auth", "POST", "/auth/logout", HostileCaller.SecondSession, ["refresh_token"], _ => new() { ["refresh_token"] = "not-a-refresh-token" },
            FieldsRefused: false, TakesAnEmptyObject: true),
        new("auth", "GET", "/auth/me", HostileCaller.Customer, [], ReadOnly: true),
        new("auth", "PATCH", "/auth/me", HostileCaller.Customer, ["name"], _ => new() { ["name"] = "Unchanged" }),
        new("auth", "POST", "/auth/validate", HostileCaller.NetraService, ["token"], _ => new() { ["token"] = "not-a-token" }, FieldsRefused: false),
        new("auth", "GET", "/auth/config", HostileCaller.Anyone, [], ReadOnly: true),
        new("auth", "GET", "/auth/login?provider=google", HostileCaller.Anyone, [], ReadOnly: true),
        new("auth", "GET", "/auth/callback?code=x&state=y", HostileCaller.Anyone, [], ReadOnly: true),
        new("auth", "PUT", "/auth/admin/users/{id}/plan", HostileCaller.NetraService, ["plan_tier"], _ => new() { ["plan_tier"] = "platinum" }),
        new("auth", "DELETE", "/auth/account", HostileCaller.Anyone, []),
        new("auth", "GET", "/internal/users/{id}/events", HostileCaller.NetraService, [], ReadOnly: true),
        new("auth", "GET", "/health/ready", HostileCaller.Anyone, [], ReadOnly: true),
        new("backend", "GET", "/api/v1/users/profile", HostileCaller.Customer, [], ReadOnly: true),
        new("backend", "PATCH", "/api/v1/users/profile", HostileCaller.Customer, ["name"], _ => new() { ["name"] = "Unchanged" }),
        new("backend", "POST", "/api/threads", HostileCaller.Customer, ["title"], _ => new() { ["title"] = new string('t', 201) },
            TakesAnEmptyObject: true),
        new("backend", "GET", "/api/threads", HostileCaller.Customer, [], ReadOnly: true),
        new("backend", "GET", "/api/threads/{thread}", HostileCaller.Customer, [], ReadOnly: true),
        new("backend", "GET", "/api/threads/{thread}/messages", HostileCaller.Customer, [], ReadOnly: true),
        new("backend", "DELETE", "/api/threads/{thread}", HostileCaller.Customer, []),
        new("backend", "POST", "/api/v1/chat/message", HostileCaller.Customer, ["message", "thread_id"],
            _ => new() { ["message"] = "", ["thread_id"] = "00000000-0000-0000-0000-000000000000" }, Prose: true),
        new("backend", "GET", "/api/v1/billing/usage", HostileCaller.Customer, [], ReadOnly: true),
        new("backend", "POST", "/internal/user-events", HostileCaller.NetraService, ["event_id", "type", "occurred_at"],
            userId => new() { ["event_id"] = "", ["type"] = "user.nothing", ["occurred_at"] = "not a time", ["user"] = userId }),
        new("backend", "GET", "/internal/users/{id}", HostileCaller.NetraService, [], ReadOnly: true),
        new("backend", "GET", "/health/ready", HostileCaller.Anyone, [], ReadOnly: true),
        new("frontend", "GET", "/", HostileCaller.Anyone, [], ReadOnly: true),
        new("frontend", "GET", "/signup", HostileCaller.Anyone, [], ReadOnly: true),
        new("frontend", "GET", "/login", HostileCaller.Anyone, [], ReadOnly: true),
        new("frontend", "GET", "/chat", HostileCaller.Anyone, [], ReadOnly: true),
    ];

    /// <summary>Whole bodies that are not the JSON object an endpoint takes.</summary>
    /// <summary>Bodies that are an empty object in effect: hostile only to an endpoint that needs fields (a new conversation needs none).</summary>
    private static readonly HashSet<string> EmptyInEffect = ["an empty body with a JSON type", "JSON with a wrong charset", "a huge number"];

    private static readonly (string Kind, string ContentType, byte[] Body)[] BadBodies =
    [
        ("malformed JSON: unclosed object", "application/json", "{\"a\":"u8.ToArray()),
        ("malformed JSON: missing value", "application/json", "{\"a\":}"u8.ToArray()),
        ("malformed JSON: trailing comma", "application/json", "{\"a\":\"b\",}"u8.ToArray()),
        ("malformed JSON: single quotes", "application/json", "{'a':'b'}"u8.ToArray()),
        ("malformed JSON: two objects", "application/json", "{}{}"u8.ToArray()),
        ("malformed JSON: a bare word", "application/json", "nul"u8.ToArray()),
        ("malformed JSON: comments", "application/json", "{/* hi */\"a\":1}"u8.ToArray()),
        ("malformed JSON: a raw control character in a string", "application/json", "{\"a\":\"x\u0001y\"}"u8.ToArray()),
        ("malformed JSON: NaN", "application/json", "{\"a\":NaN}"u8.ToArray()),
        ("malformed JSON: random bytes", "application/json", [0x8b, 0x1f, 0x00, 0xff, 0x7b, 0x22]),
        ("not UTF-8: a lone continuation byte in a string", "application/json", [.. "{\"a\":\""u8, 0x80, .. "\"}"u8]),
        ("not UTF-8: an overlong slash", "application/json", [.. "{\"a\":\""u8, 0xC0, 0xAF, .. "\"}"u8]),
        ("not UTF-8: an encoded surrogate", "application/json", [.. "{\"a\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8]),
        ("UTF-16 instead of UTF-8", "application/json", Encoding.Unicode.GetBytes("{\"a\":\"b\"}")),
        ("an array instead of an object", "application/json", "[]"u8.ToArray()),
        ("a string instead of an object", "application/json", "\"hello\""u8.ToArray()),
        ("a number instead of an object", "application/json", "42"u8.ToArray()),
        ("null instead of an object", "application/json", "null"u8.ToArray()),
        ("true instead of an object", "application/json", "true"u8.ToArray()),
        ("an empty body with a JSON type", "application/json", []),
        ("deeply nested arrays", "application/json", Encoding.ASCII.GetBytes(new string('[', 5000) + new string(']', 5000))),
        ("deeply nested objects", "application/json", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2000))),
        ("a huge number", "application/json", Encoding.ASCII.GetBytes("{\"a\":" + new string('9', 5000) + "}")),
        ("plain text", "text/plain", "hello"u8.ToArray()),
        ("a form", "application/x-www-form-urlencoded", "email=a%40b.c&password=x"u8.ToArray()),
        ("XML", "application/xml", "<a>b</a>"u8.ToArray()),
        ("multipart", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n"u8.ToArray()),
        ("JSON with a wrong charset", "application/json; charset=utf-32", "{}"u8.ToArray()),
        ("an oversize body (2 MB)", "application/json", Encoding.ASCII.GetBytes("{\"a\":\"" + new string('x', 2 * 1024 * 1024) + "\"}")),
    ];

    /// <summary>Hostile values for a string field, as the JSON text put in its place.</summary>
    private static IEnumerable<(string Kind, string Json)> HostileValues(bool prose)
    {
        yield return ("an escaped NUL", "\"a\\u0000b\"");
        yield return ("only a NUL", "\"\\u0000\"");
        yield return ("a lone high surrogate", "\"\\ud800\"");
        yield return ("a lone low surrogate", "\"x\\udc00\"");
        yield return ("surrogates the wrong way round", "\"\\udfff\\ud800\"");
        yield return ("a C0 control character", "\"a\\u0007b\"");
        yield return ("a C1 control character", "\"a\\u0085b\"");
        yield return ("DEL", "\"a\\u007fb\"");
        yield return ("escape", "\"\\u001b[31mred\"");
        if (!prose) yield return ("a line break", "\"first\\nsecond\"");
        yield return ("100,001 characters", JsonSerializer.Serialize(new string('x', 100_001)));
        yield return ("a number", "12345");
        yield return ("a huge number", "1e999999");
        yield return ("a 40-digit number", "1234567890123456789012345678901234567890");
        yield return ("an array", "[\"a\"]");
        yield return ("an object", "{\"a\":\"b\"}");
        yield return ("true", "true");
    }

    /// <summary>Generated strings, each with at least one character no field takes (NUL, a lone surrogate, a control character).</summary>
    private static IEnumerable<(string Kind, string Json)> GeneratedValues(int count)
    {
        var ordinary = Gen.Char["abcXYZ019 @.-_'éßλ中😀"];
        var forbidden = Gen.Char["\u0000\ud800\udc00\u0001\u0008\u000b\u001f\u007f\u0085\u009f"];
        var text = Gen.Select(ordinary.Array[0, 40], forbidden.Array[1, 3], Gen.Int[0, 40],
            (chars, bad, at) =>
            {
                var list = chars.ToList();
                foreach (var c in bad) list.Insert(Math.Min(at, list.Count), c);
                return new string([.. list]);
            });
        var pcg = PCG.Parse(Seed);
        for (var i = 0; i < count; i++)
        {
            var value = text.Generate(pcg, null, out _);
            yield return ($"generated text {i + 1} ({string.Join(" ", value.Where(c => char.IsControl(c) || char.IsSurrogate(c)).Select(c => $"U+{(int)c:X4}"))})",
                EscapeEveryControlAndSurrogate(value));
        }
    }

    /// <summary>JSON text of a string, with controls and lone surrogates \u-escaped (so the string itself arrives, not a parse error).</summary>
    private static string EscapeEveryControlAndSurrogate(string value)
    {
        var json = new StringBuilder("\"");
        foreach (var c in value)
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) || char.IsSurrogate(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return json.Append('"').ToString();
    }

    /// <summary>Path parts that are not ids.</summary>
    private static readonly (string Kind, string Id)[] NotIds =
    [
        ("a word", "not-an-id"),
        ("zero", "0"),
        ("a negative number", "-1"),
        ("a 30-digit number", "123456789012345678901234567890"),
        ("an encoded NUL", "abc%00def"),
        ("encoded bytes that are not UTF-8", "%ff%fe"),
        ("an SQL fragment", "'%20OR%20'1'='1"),
        ("an encoded path traversal", "..%2f..%2fetc%2fpasswd"),
        ("an encoded line break with a header", "x%0d%0aX-Injected:%20yes"),
        ("a 2,000-character id", new string('a', 2000)),
        ("letters from another script", "%D0%B8%D0%B4"),
        ("an encoded lone surrogate", "%ED%A0%80"),
    ];

    /// <summary>Every case of the sweep, in a fixed order.</summary>
    public static IReadOnlyList<HostileCase> All(HostileCredentials who, string unknownEmail, string strongPassword, int generatedPerField = 6)
    {
        var cases = new List<HostileCase>();
        foreach (var endpoint in Endpoints(unknownEmail, strongPassword))
        {
            var path = endpoint.Path.Replace("{id}", who.CustomerId).Replace("{thread}", "00000000-0000-0000-0000-000000000000");
            var (credentials, callerName) = who.For(endpoint.Caller);

            // The whole body wrong.
            if (endpoint.Valid is not null)
                foreach (var (kind, contentType, body) in BadBodies.Where(b => !(endpoint.TakesAnEmptyObject && EmptyInEffect.Contains(b.Kind))))
                    cases.Add(new(endpoint, kind, path, [.. credentials, ("Content-Type", Ascii(contentType))], body, MustRefuse: true, callerName));

            // One field wrong at a time, the rest as the endpoint could take it.
            if (endpoint.Valid is { } valid)
                foreach (var field in endpoint.Fields)
                    foreach (var (kind, json) in HostileValues(endpoint.Prose).Concat(GeneratedValues(generatedPerField)))
                    {
                        var body = BodyWith(valid(who.CustomerId), field, json);
                        cases.Add(new(endpoint, $"'{field}' is {kind}", path, [.. credentials, ("Content-Type", Ascii("application/json"))],
                            Encoding.UTF8.GetBytes(body), MustRefuse: endpoint.FieldsRefused, callerName));
                    }

            // The request line and headers. Write calls go without the customer's token, so nothing can change.
            var lineCredentials = endpoint.ReadOnly || endpoint.Caller == HostileCaller.NetraService ? credentials : [];
            var lineCaller = lineCredentials.Count > 0 ? callerName : "anyone";
            cases.Add(new(endpoint, "a 10,000-character query", path + (path.Contains('?') ? "&" : "?") + "q=" + new string('q', 10_000),
                lineCredentials, null, MustRefuse: true, lineCaller));
            cases.Add(new(endpoint, "a 100 KB header", path, [.. lineCredentials, ("X-Padding", Ascii(new string('p', 100 * 1024)))], null, MustRefuse: true, lineCaller));
            cases.Add(new(endpoint, "200 headers", path, [.. lineCredentials, .. Enumerable.Range(1, 200).Select(i => ($"X-H{i}", Ascii("v")))], null,
                MustRefuse: false, lineCaller));
            cases.Add(new(endpoint, "a header with non-ASCII bytes", path, [.. lineCredentials, ("X-Note", [0x63, 0x61, 0x66, 0xC3, 0xA9, 0xFF])], null,
                MustRefuse: true, lineCaller));
            // A header no endpoint reads may be taken as it is; it must not make a service fail.
            cases.Add(new(endpoint, "a control character in a header", path, [.. lineCredentials, ("X-Note", [0x61, 0x01, 0x62])], null, MustRefuse: false, lineCaller));
            cases.Add(new(endpoint, "a NUL in the path", InsertInPath(path, "%00"), lineCredentials, null, MustRefuse: true, lineCaller));
            cases.Add(new(endpoint, "an encoded path traversal", InsertInPath(path, "/..%2f..%2f..%2fetc%2fpasswd"), lineCredentials, null, MustRefuse: true, lineCaller));
            cases.Add(new(endpoint, "a query of bytes that are not UTF-8", path + (path.Contains('?') ? "&" : "?") + "q=%ff%fe%00", lineCredentials, null,
                MustRefuse: false, lineCaller));

            // Tokens that are not tokens, where a token is asked for.
            if (endpoint.Caller is HostileCaller.Customer or HostileCaller.SecondSession || endpoint.Path == "/auth/account")
                foreach (var (kind, value) in who.NotTokens())
                    cases.Add(new(endpoint, kind, path, [("Authorization", value)], null, MustRefuse: true, "someone with " + kind));

            // Ids that are not ids.
            if (endpoint.Path.Contains("{id}") || endpoint.Path.Contains("{thread}"))
                foreach (var (kind, id) in NotIds)
                {
                    var target = endpoint.Path.Replace("{id}", id).Replace("{thread}", id);
                    var body = endpoint.Valid is null ? null : Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { plan_tier = "platinum" }));
                    cases.Add(new(endpoint, $"an id that is {kind}", target,
                        body is null ? credentials : [.. credentials, ("Content-Type", Ascii("application/json"))], body, MustRefuse: true, callerName));
                }
        }

        // A fast 50 MB body, once per service that takes bodies: refused as too large, never taken for a database outage.
        foreach (var endpoint in Endpoints(unknownEmail, strongPassword).Where(e => e.Name is "POST /auth/register" or "POST /api/threads"))
        {
            var (credentials, callerName) = who.For(endpoint.Caller);
            var body = new byte[50 * 1024 * 1024];
            Array.Fill(body, (byte)' ');
            body[0] = (byte)'[';
            body[^1] = (byte)']';
            cases.Add(new(endpoint, "a fast 50 MB body", endpoint.Path, [.. credentials, ("Content-Type", Ascii("application/json"))], body,
                MustRefuse: true, callerName));
        }
        return cases;
    }

    private static string BodyWith(Dictionary<string, string> valid, string field, string hostileJson)
    {
        var json = new StringBuilder("{");
        foreach (var (name, value) in valid)
        {
            if (json.Length > 1) json.Append(',');
            json.Append(JsonSerializer.Serialize(name)).Append(':');
            if (name == "user") json.Append(JsonSerializer.Serialize(new { id = value, email = "hostile@example.test", plan_tier = "free" }));
            else json.Append(name == field ? hostileJson : JsonSerializer.Serialize(value));
        }
        return json.Append('}').ToString();
    }

    private static string InsertInPath(string path, string part)
    {
        var query = path.IndexOf('?');
        return query < 0 ? path + part : path[..query] + part + path[query..];
    }

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}

/// <summary>The credentials the sweep has: the customer's tokens and id, and the environment's service secret if known.</summary>
public sealed record HostileCredentials(string CustomerId, string CustomerToken, string SecondSessionToken, string? ServiceSecret, string CriticalToken)
{
    public (IReadOnlyList<(string Name, byte[] Value)> Headers, string Name) For(HostileCaller caller) => caller switch
    {
        HostileCaller.Customer => ([("Authorization", HostileRequests.Ascii("Bearer " + CustomerToken))], "the customer"),
        HostileCaller.SecondSession => ([("Authorization", HostileRequests.Ascii("Bearer " + SecondSessionToken))], "her second session"),
        HostileCaller.NetraService when ServiceSecret is not null =>
            ([("X-Service-ID", HostileRequests.Ascii("netra-acceptance")), ("X-Service-Secret", HostileRequests.Ascii(ServiceSecret))], "a Netra service"),
        _ => ([], "anyone"),
    };

    public IEnumerable<(string Kind, byte[] Value)> NotTokens()
    {
        yield return ("a bearer that is not a token", HostileRequests.Ascii("Bearer not-a-token"));
        yield return ("an empty bearer", HostileRequests.Ascii("Bearer "));
        yield return ("another scheme", HostileRequests.Ascii("Basic bWFyaWE6c2VjcmV0"));
        yield return ("a 10 KB token", HostileRequests.Ascii("Bearer " + new string('a', 10 * 1024)));
        yield return ("a token of three empty parts", HostileRequests.Ascii("Bearer .."));
        yield return ("a token with a critical extension", HostileRequests.Ascii("Bearer " + CriticalToken));
        yield return ("a token with a NUL", [.. HostileRequests.Ascii("Bearer abc"), 0x00, .. HostileRequests.Ascii("def")]);
    }
}

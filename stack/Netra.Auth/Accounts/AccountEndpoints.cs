using Netra.Shared.Input;
using Microsoft.Data.Sqlite;

namespace Netra.Auth.Accounts;

/// <summary>POST /auth/register, POST /auth/login, GET /auth/me.</summary>
public static class AccountEndpoints
{
    public const string InvalidCredentials = "Invalid credentials";
    private static readonly TimeSpan FirstDeliveryWait = TimeSpan.FromSeconds(2);

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/auth/register", RegisterAsync);
        app.MapPost("/auth/login", LoginAsync);
        app.MapGet("/auth/me", MeAsync).RequireAuthorization();
    }

    private static async Task<IResult> RegisterAsync(HttpContext ctx, AuthDb db, TokenService tokens,
        PasswordService passwords, UserEventDispatcher events)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(ctx.Request);
        if (error is not null) return error;
        if (!JsonBody.TryGetString(body, "email", required: true, out var rawEmail, out error)) return error!;
        if (!JsonBody.TryGetString(body, "password", required: true, out var password, out error)) return error!;
        if (!JsonBody.TryGetString(body, "name", required: false, out var rawName, out error)) return error!;

        var email = EmailAddress.Normalize(rawEmail!);
        if (EmailAddress.FindViolation(email) is { } badEmail) return Problems.Validation(badEmail);
        if (PasswordPolicy.FindViolation(password!) is { } weak) return Problems.Validation(weak);
        // The name is optional: absent or blank, it is made from the email; given, it follows the one name rule.
        string name;
        if (string.IsNullOrWhiteSpace(rawName)) name = EmailAddress.NameFrom(email);
        else if (PersonName.Check(rawName) is (null, var badName)) return Problems.Validation(badName!);
        else name = rawName.Trim();

        // Cheap early answer for a taken email (no hashing); the insert below checks again under the write lock.
        if (await db.ReadAsync(conn => UserStore.FindByEmailAsync(conn, email)) is not null) return EmailTaken();

        var user = new UserRecord(Guid.NewGuid().ToString(), email, name, passwords.Hash(password!),
            PlanTier: "free", Permissions: ["chat"], AuthProvider: "local", CreatedAt: DateTimeOffset.UtcNow);
        TokenPair? pair;
        try
        {
            pair = await db.WriteAsync<TokenPair?>(async (conn, tx) =>
            {
                if (await UserStore.FindByEmailAsync(conn, email, tx) is not null) return null;
                await UserStore.InsertAsync(conn, tx, user);
                var issued = await StartSessionAsync(conn, tx, tokens, user);
                await Outbox.EnqueueAsync(conn, tx, UserEventTypes.Created, user);
                return issued;
            });
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19) // SQLITE_CONSTRAINT: unique email
        {
            pair = null;
        }
        if (pair is null) return EmailTaken();

        // Tell the backend before answering, so the client's next call there already finds the user.
        // A slow or absent backend delays this answer by at most FirstDeliveryWait; the retry loop finishes the job.
        var delivery = events.DeliverForUserAsync(user.Id);
        await Task.WhenAny(delivery, Task.Delay(FirstDeliveryWait));

        return Responses.Tokens(ctx, user, pair, tokens.AccessLifetime);
    }

    private static async Task<IResult> LoginAsync(HttpContext ctx, AuthDb db, TokenService tokens,
        PasswordService passwords, ILoginThrottle throttle)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(ctx.Request);
        if (error is not null) return error;
        if (!JsonBody.TryGetString(body, "email", required: true, out var rawEmail, out error)) return error!;
        if (!JsonBody.TryGetString(body, "password", required: true, out var password, out error)) return error!;
        var email = EmailAddress.Normalize(rawEmail!);

        if (await throttle.GetLockoutAsync(email) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            ctx.Response.Headers.RetryAfter = seconds.ToString();
            return Problems.Of(StatusCodes.Status429TooManyRequests,
                $"Too many failed login attempts; try again in {seconds} seconds.");
        }

        // Unknown email and wrong password take the same path and the same time.
        var user = await db.ReadAsync(conn => UserStore.FindByEmailAsync(conn, email));
        var outcome = passwords.Verify(user, password!);
        if (outcome == PasswordService.Outcome.Failed)
        {
            await throttle.RecordFailureAsync(email);
            return Problems.Unauthorized(ctx, InvalidCredentials, tokenPresented: false);
        }
        await throttle.RecordSuccessAsync(email);

        var pair = await db.WriteAsync(async (conn, tx) =>
        {
            if (outcome == PasswordService.Outcome.SuccessRehashNeeded)
                await UserStore.UpdatePasswordHashAsync(conn, tx, user!.Id, passwords.Hash(password!));
            return await StartSessionAsync(conn, tx, tokens, user!);
        });
        return Responses.Tokens(ctx, user!, pair, tokens.AccessLifetime);
    }

    private static async Task<IResult> MeAsync(HttpContext ctx, ClaimsPrincipal caller, AuthDb db)
    {
        var userId = caller.UserId();
        var user = await db.ReadAsync(conn => UserStore.FindByIdAsync(conn, userId));
        if (user is null) return Problems.Unauthorized(ctx, "The token's user no longer exists.");
        return Responses.Me(user);
    }

    /// <summary>A new session with its first access/refresh pair, inside the caller's transaction.</summary>
    private static async Task<TokenPair> StartSessionAsync(SqliteConnection conn, SqliteTransaction tx, TokenService tokens, UserRecord user)
    {
        var sessionId = await SessionStore.CreateSessionAsync(conn, tx, user.Id);
        var pair = tokens.CreatePair(user);
        await SessionStore.RecordAsync(conn, tx, sessionId, user.Id, pair);
        return pair;
    }

    private static IResult EmailTaken() =>
        Problems.Of(StatusCodes.Status409Conflict, "An account with this email already exists.");
}

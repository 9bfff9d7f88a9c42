using System.Text.Json;

namespace Netra.Shared.Input;

/// <summary>
/// The one rule for text that enters a Netra service, applied where each field enters (both services read their
/// JSON strings through it): valid Unicode (no lone surrogate, which System.Text.Json would only throw on later),
/// and no control character — NUL included, which PostgreSQL cannot store — except line breaks and tabs in
/// fields that hold prose (a chat message). Lengths stay with each field's own rule.
/// </summary>
public static class TextInput
{
    /// <summary>Reads a JSON string, or says why it is not text the services take. The element must be a string.</summary>
    public static (string? Value, string? Problem) Read(JsonElement element, string field, bool prose = false)
    {
        string? value;
        try
        {
            value = element.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") parses as JSON but is no Unicode text.
            return (null, $"Field '{field}' is not valid Unicode text (it holds an unpaired surrogate).");
        }
        return Problem(field, value, prose) is { } problem ? (null, problem) : (value, null);
    }

    /// <summary>Why <paramref name="value"/> is not text the services take, or null when it is.</summary>
    public static string? Problem(string field, string? value, bool prose = false)
    {
        if (value is null) return null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return $"Field '{field}' is not valid Unicode text (it holds an unpaired surrogate at position {i + 1}).";
            if (char.IsControl(c) && !(prose && c is '\n' or '\r' or '\t'))
                return $"Field '{field}' must not contain control characters (U+{(int)c:X4} at position {i + 1}).";
        }
        return null;
    }
}

using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;

namespace GherkinEngine;

/// <summary>Converts step argument strings to parameter types with the invariant culture (one cached converter per type).</summary>
internal static class ArgumentConverter
{
    private static readonly ConcurrentDictionary<Type, Func<string?, object?>> Converters = new();
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Func<string?, object?> For(Type type) => Converters.GetOrAdd(type, Create);

    private static Func<string?, object?> Create(Type type)
    {
        if (type == typeof(string) || type == typeof(object))
            return v => v;

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            var convert = For(inner);
            return v => string.IsNullOrEmpty(v) ? null : convert(v);
        }

        if (type.IsEnum)
            return v => ParseEnum(type, v);

        Func<string, object>? parse = type switch
        {
            _ when type == typeof(int) => v => int.Parse(v, NumberStyles.Integer, Invariant),
            _ when type == typeof(long) => v => long.Parse(v, NumberStyles.Integer, Invariant),
            _ when type == typeof(short) => v => short.Parse(v, NumberStyles.Integer, Invariant),
            _ when type == typeof(byte) => v => byte.Parse(v, NumberStyles.Integer, Invariant),
            _ when type == typeof(uint) => v => uint.Parse(v, NumberStyles.Integer, Invariant),
            _ when type == typeof(ulong) => v => ulong.Parse(v, NumberStyles.Integer, Invariant),
            _ when type == typeof(double) => v => double.Parse(v, NumberStyles.Float | NumberStyles.AllowThousands, Invariant),
            _ when type == typeof(float) => v => float.Parse(v, NumberStyles.Float | NumberStyles.AllowThousands, Invariant),
            _ when type == typeof(decimal) => v => decimal.Parse(v, NumberStyles.Float | NumberStyles.AllowThousands, Invariant),
            _ when type == typeof(bool) => v => ParseBool(v),
            _ when type == typeof(char) => v => v.Length == 1 ? v[0] : throw new FormatException($"'{v}' is not a single character."),
            _ when type == typeof(Guid) => v => Guid.Parse(v),
            _ when type == typeof(DateTime) => v => DateTime.Parse(v, Invariant, DateTimeStyles.AllowWhiteSpaces),
            _ when type == typeof(DateTimeOffset) => v => DateTimeOffset.Parse(v, Invariant, DateTimeStyles.AllowWhiteSpaces),
            _ when type == typeof(TimeSpan) => v => TimeSpan.Parse(v, Invariant),
            _ when type == typeof(DateOnly) => v => DateOnly.Parse(v, Invariant),
            _ when type == typeof(TimeOnly) => v => TimeOnly.Parse(v, Invariant),
            _ when type == typeof(Uri) => v => new Uri(v, UriKind.RelativeOrAbsolute),
            _ => null,
        };
        if (parse is not null)
            return v => v is null ? throw new FormatException($"No value to convert to {type.Name}.") : parse(v);

        var converter = TypeDescriptor.GetConverter(type);
        if (converter.CanConvertFrom(typeof(string)))
            return v => v is null ? null : converter.ConvertFromInvariantString(v);

        return _ => throw new NotSupportedException(
            $"Step arguments cannot be converted to {type.FullName}: use string, a number type, bool, Guid, DateTime, TimeSpan, an enum or a nullable of those.");
    }

    private static object ParseBool(string value) =>
        bool.TryParse(value.Trim(), out var b)
            ? b
            : throw new FormatException($"'{value}' is not a boolean (true or false).");

    private static object? ParseEnum(Type type, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new FormatException($"No value to convert to {type.Name}.");
        if (Enum.TryParse(type, value.Trim(), ignoreCase: true, out var result))
            return result;
        // "in progress" → InProgress, "in-progress" → InProgress
        var compact = new string(value.Where(char.IsLetterOrDigit).ToArray());
        if (compact.Length > 0 && Enum.TryParse(type, compact, ignoreCase: true, out result))
            return result;
        throw new FormatException($"'{value}' is not a value of {type.Name} ({string.Join(", ", Enum.GetNames(type))}).");
    }
}

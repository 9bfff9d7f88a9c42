using System.Reflection;

namespace GherkinEngine;

/// <summary>Formats methods as <c>Type.Method(int, string)</c> for messages.</summary>
internal static class MethodDescriber
{
    private static readonly Dictionary<Type, string> Aliases = new()
    {
        [typeof(int)] = "int", [typeof(long)] = "long", [typeof(short)] = "short", [typeof(byte)] = "byte",
        [typeof(uint)] = "uint", [typeof(ulong)] = "ulong", [typeof(double)] = "double", [typeof(float)] = "float",
        [typeof(decimal)] = "decimal", [typeof(bool)] = "bool", [typeof(string)] = "string", [typeof(object)] = "object",
        [typeof(char)] = "char",
    };

    public static string Describe(Type bindingType, MethodInfo method) =>
        $"{TypeName(bindingType)}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => TypeName(p.ParameterType)))})";

    public static string TypeName(Type type)
    {
        if (Aliases.TryGetValue(type, out var alias))
            return alias;
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return TypeName(inner) + "?";
        var name = type.Name;
        if (type.IsGenericType)
            name = name[..name.IndexOf('`')] + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
        return type.DeclaringType is { } outer && !type.IsGenericParameter ? TypeName(outer) + "." + name : name;
    }
}

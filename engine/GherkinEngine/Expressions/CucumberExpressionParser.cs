using System.Text;

namespace GherkinEngine;

internal enum NodeKind
{
    Text,
    Whitespace,
    Optional,
    Parameter,
    Alternation,
}

/// <summary>A flat syntax node of a Cucumber Expression: text, whitespace, (optional), {parameter} or '/'.</summary>
internal readonly record struct Node(NodeKind Kind, string Value, int Position);

/// <summary>Tokenizes a Cucumber Expression into flat <see cref="Node"/>s, reporting syntax errors by position.</summary>
internal static class CucumberExpressionParser
{
    private const string Escapable = "(){}/\\";

    public static List<Node> Parse(string source)
    {
        var nodes = new List<Node>();
        var text = new StringBuilder();
        var textStart = 0;

        void FlushText()
        {
            if (text.Length > 0)
                nodes.Add(new Node(NodeKind.Text, text.ToString(), textStart));
            text.Clear();
        }

        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            switch (c)
            {
                case '\\':
                    if (text.Length == 0)
                        textStart = i;
                    text.Append(Unescape(source, ref i));
                    break;
                case '(':
                {
                    FlushText();
                    var at = i;
                    nodes.Add(new Node(NodeKind.Optional, ReadGroup(source, ref i, ')', isOptional: true), at));
                    break;
                }
                case '{':
                {
                    FlushText();
                    var at = i;
                    nodes.Add(new Node(NodeKind.Parameter, ReadGroup(source, ref i, '}', isOptional: false), at));
                    break;
                }
                case '/':
                    FlushText();
                    nodes.Add(new Node(NodeKind.Alternation, "/", i));
                    break;
                default:
                    if (char.IsWhiteSpace(c))
                    {
                        FlushText();
                        nodes.Add(new Node(NodeKind.Whitespace, c.ToString(), i));
                    }
                    else
                    {
                        // A stray ')' or '}' is plain text, as in the reference implementation.
                        if (text.Length == 0)
                            textStart = i;
                        text.Append(c);
                    }
                    break;
            }
        }
        FlushText();
        return nodes;
    }

    private static char Unescape(string source, ref int i)
    {
        if (i + 1 >= source.Length)
            throw CucumberExpression.Error(source, i, "the expression ends with an escape character '\\'");
        var next = source[i + 1];
        if (!Escapable.Contains(next) && !char.IsWhiteSpace(next))
            throw CucumberExpression.Error(source, i,
                $"only '(', ')', '{{', '}}', '/', '\\' and whitespace can be escaped, not '{next}'");
        i++;
        return next;
    }

    /// <summary>Reads an optional's text or a parameter's name up to the closing character.</summary>
    private static string ReadGroup(string source, ref int i, char close, bool isOptional)
    {
        var start = i;
        var open = source[i];
        var sb = new StringBuilder();
        for (i++; i < source.Length; i++)
        {
            var c = source[i];
            if (c == close)
            {
                if (isOptional && sb.Length == 0)
                    throw CucumberExpression.Error(source, start, "an optional must contain some text");
                return sb.ToString();
            }
            if (c == '\\')
            {
                sb.Append(Unescape(source, ref i));
                continue;
            }
            if (isOptional)
            {
                if (c == '(')
                    throw CucumberExpression.Error(source, i, "an optional may not contain an optional");
                if (c == '{')
                    throw CucumberExpression.Error(source, i, "an optional may not contain a parameter type");
                if (c == '/')
                    throw CucumberExpression.Error(source, i, "an optional may not contain an alternative (escape a literal slash as '\\/')");
            }
            else if ("{}()/".Contains(c) || char.IsWhiteSpace(c))
            {
                throw CucumberExpression.Error(source, i, $"a parameter name may not contain '{c}'");
            }
            sb.Append(c);
        }
        throw CucumberExpression.Error(source, start, $"the '{open}' does not have a matching '{close}'");
    }
}

namespace GherkinEngine.Runner;

/// <summary>
/// A Cucumber tag expression: tags (<c>@smoke</c>, the <c>@</c> optional), <c>not</c>, <c>and</c>, <c>or</c>
/// and parentheses; precedence not &gt; and &gt; or. Tags compare ignoring case; <c>\(</c>, <c>\)</c>, <c>\ </c>
/// and <c>\\</c> escape characters inside a tag.
/// </summary>
public sealed class TagExpression
{
    private readonly Func<ISet<string>, bool> _evaluate;

    private TagExpression(string source, Func<ISet<string>, bool> evaluate)
    {
        Source = source;
        _evaluate = evaluate;
    }

    public string Source { get; }

    /// <summary>True when the tags (without <c>@</c>) satisfy the expression.</summary>
    public bool Evaluate(IEnumerable<string> tags) =>
        _evaluate(tags as ISet<string> ?? new HashSet<string>(tags.Select(t => t.TrimStart('@')), StringComparer.OrdinalIgnoreCase));

    internal bool Evaluate(ISet<string> tags) => _evaluate(tags);

    /// <exception cref="FormatException">The expression is not valid.</exception>
    public static TagExpression Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var tokens = Tokenize(source);
        if (tokens.Count == 0)
            return new TagExpression(source, _ => true);
        var position = 0;
        var evaluate = ParseOr(source, tokens, ref position);
        if (position < tokens.Count)
            throw Error(source, $"unexpected '{tokens[position]}'");
        return new TagExpression(source, evaluate);
    }

    private static Func<ISet<string>, bool> ParseOr(string source, List<string> tokens, ref int position)
    {
        var left = ParseAnd(source, tokens, ref position);
        while (position < tokens.Count && tokens[position] == "or")
        {
            position++;
            var l = left;
            var r = ParseAnd(source, tokens, ref position);
            left = tags => l(tags) || r(tags);
        }
        return left;
    }

    private static Func<ISet<string>, bool> ParseAnd(string source, List<string> tokens, ref int position)
    {
        var left = ParseNot(source, tokens, ref position);
        while (position < tokens.Count && tokens[position] == "and")
        {
            position++;
            var l = left;
            var r = ParseNot(source, tokens, ref position);
            left = tags => l(tags) && r(tags);
        }
        return left;
    }

    private static Func<ISet<string>, bool> ParseNot(string source, List<string> tokens, ref int position)
    {
        if (position >= tokens.Count)
            throw Error(source, "a tag or '(' is missing at the end");
        var token = tokens[position++];
        switch (token)
        {
            case "not":
                var operand = ParseNot(source, tokens, ref position);
                return tags => !operand(tags);
            case "(":
                var inner = ParseOr(source, tokens, ref position);
                if (position >= tokens.Count || tokens[position] != ")")
                    throw Error(source, "a ')' is missing");
                position++;
                return inner;
            case ")" or "and" or "or":
                throw Error(source, $"unexpected '{token}'");
            default:
                var tag = token.TrimStart('@');
                return tags => tags.Contains(tag);
        }
    }

    private static List<string> Tokenize(string source)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
                tokens.Add(current.ToString());
            current.Clear();
        }
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\\' && i + 1 < source.Length)
                current.Append(source[++i]);
            else if (char.IsWhiteSpace(c))
                Flush();
            else if (c is '(' or ')')
            {
                Flush();
                tokens.Add(c.ToString());
            }
            else
                current.Append(c);
        }
        Flush();
        return tokens;
    }

    private static FormatException Error(string source, string message) => new($"Invalid tag expression '{source}': {message}.");

    public override string ToString() => Source;
}

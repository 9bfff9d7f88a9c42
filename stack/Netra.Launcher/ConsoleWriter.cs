namespace Netra.Launcher;

/// <summary>Serialises output from all services and the launcher; colours the prefixes on a terminal.</summary>
public sealed class ConsoleWriter
{
    private static readonly ConsoleColor[] Palette =
        [ConsoleColor.Magenta, ConsoleColor.Cyan, ConsoleColor.Yellow, ConsoleColor.Green, ConsoleColor.Blue];

    private readonly object _gate = new();
    private readonly Dictionary<string, ConsoleColor> _colors = new();
    private readonly bool _color = !Console.IsOutputRedirected;
    private const int PrefixWidth = 8;

    public void ServiceLine(string service, string line) => Write(service, line);

    public void Info(string line) => Write("launcher", line);

    public void Error(string line) => Write("launcher", line, ConsoleColor.Red);

    public void Raw(string text)
    {
        lock (_gate) Console.WriteLine(text);
    }

    private void Write(string source, string line, ConsoleColor? lineColor = null)
    {
        lock (_gate)
        {
            if (!_colors.TryGetValue(source, out var color))
                _colors[source] = color = source == "launcher" ? ConsoleColor.White : Palette[_colors.Count % Palette.Length];
            if (_color) Console.ForegroundColor = color;
            Console.Write($"{source.PadRight(PrefixWidth)}| ");
            if (_color)
            {
                if (lineColor is { } c) Console.ForegroundColor = c;
                else Console.ResetColor();
            }
            Console.WriteLine(line);
            if (_color) Console.ResetColor();
        }
    }
}

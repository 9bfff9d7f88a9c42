using System.Globalization;
using System.Text;

namespace GherkinEngine;

/// <summary>
/// Buffers a scenario's output: one line per step (<c>Given x -> passed (0.1 ms)</c>) with anything
/// the steps write in between. Written to xUnit once per scenario (each write is a runner message).
/// </summary>
internal sealed class ScenarioOutput : IReqnrollOutputHelper
{
    private readonly StringBuilder _text = new();
    private readonly object _lock = new();
    private bool _stepLineOpen;

    public ScenarioOutput(string? prefix = null)
    {
        if (!string.IsNullOrEmpty(prefix))
            _text.Append(prefix);
    }

    public void WriteLine(string message)
    {
        lock (_lock)
        {
            CloseStepLine();
            _text.Append(message).Append('\n');
        }
    }

    public void Write(string text)
    {
        lock (_lock)
        {
            CloseStepLine();
            _text.Append(text);
        }
    }

    public void WriteLine(string format, params object[] args) => WriteLine(string.Format(CultureInfo.InvariantCulture, format, args));

    private readonly List<ScenarioAttachment> _attachments = new();
    private int _stepIndex = -1;

    public IReadOnlyList<ScenarioAttachment> Attachments
    {
        get
        {
            lock (_lock)
                return _attachments.ToArray();
        }
    }

    public void AddAttachment(string filePath)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        byte[] content;
        try
        {
            content = File.ReadAllBytes(filePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteLine($"Attachment: {filePath} (cannot be read: {e.Message})");
            return;
        }
        AddAttachment(Path.GetFileName(filePath), content, ScenarioAttachment.MediaTypeOf(filePath));
        WriteLine("Attachment: " + filePath);
    }

    public void AddAttachment(string name, byte[] content, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (_lock)
            _attachments.Add(new ScenarioAttachment(name, string.IsNullOrEmpty(mediaType) ? ScenarioAttachment.MediaTypeOf(name) : mediaType, content, _stepIndex));
    }

    public void BeginStep(ScenarioStep step)
    {
        lock (_lock)
        {
            CloseStepLine();
            _stepIndex++;
            _text.Append(step.Keyword).Append(' ').Append(step.Text);
            _stepLineOpen = true;
        }
    }

    public void EndStep(StepStatus status, TimeSpan duration, Exception? error)
    {
        lock (_lock)
        {
            // Same line when the step wrote nothing, else an indented result line below its output.
            _text.Append(_stepLineOpen ? " -> " : "  -> ").Append(StatusText(status));
            if (status is not (StepStatus.Skipped or StepStatus.Undefined))
                _text.Append(" (").Append(duration.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" ms)");
            if (error is not null)
                _text.Append(": ").Append(FirstLine(error));
            _text.Append('\n');
            _stepLineOpen = false;
        }
    }

    public void Skipped(ScenarioStep step, bool undefined)
    {
        BeginStep(step);
        EndStep(StepStatus.Skipped, TimeSpan.Zero, null);
        if (undefined)
            lock (_lock)
                _text.Insert(_text.Length - 1, " (undefined)");
    }

    private void CloseStepLine()
    {
        if (_stepLineOpen)
            _text.Append('\n');
        _stepLineOpen = false;
    }

    internal static string StatusText(StepStatus status) => status switch
    {
        StepStatus.BindingError => "binding error",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string FirstLine(Exception error)
    {
        var message = error.Message;
        var end = message.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? message : message[..end];
        return $"{error.GetType().Name}: {line}";
    }

    public void Clear()
    {
        lock (_lock)
        {
            _text.Clear();
            _stepLineOpen = false;
        }
    }

    public override string ToString()
    {
        lock (_lock)
            return _text.ToString();
    }
}

using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters;
using Reqnroll.Formatters.PubSub;

namespace XunitV3Adapter.Plugin;

/// <summary>
/// xUnit v3 marks a dynamic skip (<c>Assert.Skip("why")</c>) by putting <c>$XunitDynamicSkip$</c> in front of the
/// exception's message. Reqnroll records that message as the skipped hook's or step's reason: this takes the
/// marker out, in the step trace and in the Cucumber Messages the formatters get, so reports show the reason in words.
/// </summary>
internal static class SkipReasons
{
    private const string XunitDynamicSkipMarker = "$XunitDynamicSkip$";

    public static string Clean(string message) => message.Replace(XunitDynamicSkipMarker, "", StringComparison.Ordinal);

    public static bool NeedsCleaning(string? message) => message?.Contains(XunitDynamicSkipMarker, StringComparison.Ordinal) == true;
}

/// <summary>Stands between Reqnroll's message publisher and its broker, cleaning skip reasons (see <see cref="SkipReasons"/>).</summary>
internal sealed class SkipReasonCleaningBroker(CucumberMessageBroker broker) : ICucumberMessageBroker
{
    public bool IsEnabled => broker.IsEnabled;

    public void Initialize() => broker.Initialize();

    public void FormatterInitialized(ICucumberMessageFormatter formatterSink, bool enabled) => broker.FormatterInitialized(formatterSink, enabled);

    public Task PublishAsync(Envelope message) => broker.PublishAsync(Cleaned(message));

    private static Envelope Cleaned(Envelope message)
    {
        if (message.TestStepFinished is not { TestStepResult: var result } finished
            || !(SkipReasons.NeedsCleaning(result.Message) || SkipReasons.NeedsCleaning(result.Exception?.Message)))
            return message;
        var exception = result.Exception is { } e ? new Io.Cucumber.Messages.Types.Exception(e.Type, SkipReasons.Clean(e.Message ?? ""), e.StackTrace) : null;
        return Envelope.Create(new TestStepFinished(finished.TestCaseStartedId, finished.TestStepId,
            new TestStepResult(result.Duration, result.Message is null ? null : SkipReasons.Clean(result.Message), result.Status, exception),
            finished.Timestamp));
    }
}

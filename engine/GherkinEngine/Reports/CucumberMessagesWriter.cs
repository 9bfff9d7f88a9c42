using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Messages = Io.Cucumber.Messages.Types;

namespace GherkinEngine.Runner;

/// <summary>
/// Writes a run as Cucumber Messages (NDJSON, <c>Cucumber.Messages</c> types): meta, source, gherkinDocument,
/// pickle, stepDefinition, testRunStarted, then per scenario testCase, testCaseStarted, testStepStarted/Finished,
/// attachment, testCaseFinished, and testRunFinished.
/// </summary>
public static class CucumberMessagesWriter
{
    // Source-generated metadata (MessagesJsonContext): no reflection warm-up at the end of every run.
    private static readonly JsonSerializerOptions Json = new(MessagesJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = MessagesJsonContext.Default,
    };

    public static void Write(string path, BindingRegistry registry, IReadOnlyList<FeatureResult> features, DateTimeOffset startedAt, DateTimeOffset finishedAt)
    {
        using var stream = File.Create(path);
        Write(stream, registry, features, startedAt, finishedAt);
    }

    /// <summary>Writes the messages of a run to a stream, one JSON envelope per line.</summary>
    public static void Write(Stream stream, BindingRegistry registry, IReadOnlyList<FeatureResult> features, DateTimeOffset startedAt, DateTimeOffset finishedAt)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Json.Encoder, SkipValidation = true });
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Envelope>)Json.GetTypeInfo(typeof(Envelope));
        foreach (var envelope in Envelopes(registry, features, startedAt, finishedAt))
        {
            JsonSerializer.Serialize(writer, envelope, typeInfo);
            writer.Flush();
            stream.WriteByte((byte)'\n');
            writer.Reset();
        }
    }

    public static string Serialize(Envelope envelope) => JsonSerializer.Serialize(envelope, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Envelope>)Json.GetTypeInfo(typeof(Envelope)));

    public static IEnumerable<Envelope> Envelopes(BindingRegistry registry, IReadOnlyList<FeatureResult> features, DateTimeOffset startedAt, DateTimeOffset finishedAt)
    {
        var ids = new IncrementingIdGenerator();
        yield return Envelope.Create(new Meta(ProtocolVersion(), new Product("GherkinEngine", typeof(CucumberMessagesWriter).Assembly.GetName().Version?.ToString() ?? "1.0"),
            new Product(".NET", Environment.Version.ToString()), new Product(Environment.OSVersion.Platform.ToString(), Environment.OSVersion.VersionString),
            new Product(System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(), null), null));

        // Source, document and pickles per feature; pickles found by (uri, line of the scenario or example row).
        var pickles = new Dictionary<(string, long), Pickle>();
        foreach (var feature in features.Select(f => f.Feature))
        {
            if (feature.Document is null || feature.SourceText is null)
                continue;
            yield return Envelope.Create(new Source(feature.FilePath, feature.SourceText, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN));
            var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(feature.Document, feature.FilePath);
            yield return Envelope.Create(document);
            foreach (var pickle in new PickleCompiler(ids).Compile(document))
            {
                pickles[(feature.FilePath, pickle.Location.Line)] = pickle;
                yield return Envelope.Create(pickle);
            }
        }

        var definitionIds = new Dictionary<(System.Reflection.MethodInfo, string), string>();
        foreach (var binding in registry.StepBindings)
        {
            var id = ids.GetNewId();
            definitionIds[(binding.Method, binding.ExpressionText)] = id;
            var type = binding.Expression is RegexStepExpression ? StepDefinitionPatternType.REGULAR_EXPRESSION : StepDefinitionPatternType.CUCUMBER_EXPRESSION;
            yield return Envelope.Create(new StepDefinition(id, new StepDefinitionPattern(binding.ExpressionText, type),
                SourceReference.Create(new JavaMethod(binding.BindingType.FullName ?? binding.BindingType.Name, binding.Method.Name,
                    binding.Parameters.Select(p => p.ParameterType.FullName ?? p.ParameterType.Name).ToList()))));
        }

        var runId = ids.GetNewId();
        yield return Envelope.Create(new TestRunStarted(Time(startedAt), runId));
        var success = true;
        foreach (var feature in features)
        {
            foreach (var result in feature.Scenarios)
            {
                var scenario = result.Scenario;
                if (!pickles.TryGetValue((feature.Feature.FilePath, scenario.ExampleLine ?? scenario.Line), out var pickle))
                    continue;
                var stepIds = pickle.Steps.Select(_ => ids.GetNewId()).ToList();
                var testSteps = pickle.Steps.Select((ps, i) =>
                {
                    var binding = i < result.Steps.Count ? result.Steps[i].Binding : null;
                    var definitions = binding is not null && definitionIds.TryGetValue((binding.Method, binding.ExpressionText), out var d) ? new List<string> { d } : new List<string>();
                    return new TestStep(null, stepIds[i], ps.Id, definitions, new List<StepMatchArgumentsList>());
                }).ToList();
                var testCaseId = ids.GetNewId();
                yield return Envelope.Create(new TestCase(testCaseId, pickle.Id, testSteps, runId));
                var startedId = ids.GetNewId();
                yield return Envelope.Create(new TestCaseStarted(0, startedId, testCaseId, null, Time(result.StartedAt)));

                var clock = result.StartedAt;
                for (var i = 0; i < testSteps.Count; i++)
                {
                    var step = i < result.Steps.Count ? result.Steps[i] : null;
                    yield return Envelope.Create(new TestStepStarted(startedId, testSteps[i].Id, Time(clock)));
                    foreach (var attachment in result.Attachments.Where(a => a.StepIndex == i || (i == 0 && a.StepIndex < 0) || (i == testSteps.Count - 1 && a.StepIndex >= testSteps.Count)))
                        yield return Attachment(attachment, startedId, testSteps[i].Id, clock);
                    var duration = step?.Duration ?? TimeSpan.Zero;
                    clock += duration;
                    var status = Status(step?.Status ?? StepStatus.Skipped);
                    if (status is not (TestStepResultStatus.PASSED or TestStepResultStatus.SKIPPED))
                        success = false;
                    var error = step?.Error;
                    yield return Envelope.Create(new TestStepFinished(startedId, testSteps[i].Id,
                        new TestStepResult(Duration(duration), error?.Message, status,
                            error is null ? null : new Messages.Exception(error.GetType().FullName, error.Message, error.StackTrace)),
                        Time(clock)));
                }
                // A failure outside the steps (hook, disposal) still fails the test case: report it on the last step.
                if (result.Error is not null && result.Steps.All(s => s.Error is null))
                    success = false;
                yield return Envelope.Create(new TestCaseFinished(startedId, Time(result.StartedAt + result.Duration), false));
            }
        }
        yield return Envelope.Create(new TestRunFinished(null, success, Time(finishedAt), null, runId));
    }

    private static Envelope Attachment(ScenarioAttachment attachment, string testCaseStartedId, string testStepId, DateTimeOffset at) =>
        Envelope.Create(new Messages.Attachment(
            attachment.IsText ? Encoding.UTF8.GetString(attachment.Content) : Convert.ToBase64String(attachment.Content),
            attachment.IsText ? AttachmentContentEncoding.IDENTITY : AttachmentContentEncoding.BASE64,
            attachment.FileName, attachment.MediaType, null, testCaseStartedId, testStepId, null, null, null, Time(at)));

    private static TestStepResultStatus Status(StepStatus status) => status switch
    {
        StepStatus.Passed => TestStepResultStatus.PASSED,
        StepStatus.Failed or StepStatus.BindingError => TestStepResultStatus.FAILED,
        StepStatus.Skipped => TestStepResultStatus.SKIPPED,
        StepStatus.Undefined => TestStepResultStatus.UNDEFINED,
        StepStatus.Pending => TestStepResultStatus.PENDING,
        StepStatus.Ambiguous => TestStepResultStatus.AMBIGUOUS,
        _ => TestStepResultStatus.UNKNOWN,
    };

    private static Timestamp Time(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return new Timestamp(ticks / TimeSpan.TicksPerSecond, ticks % TimeSpan.TicksPerSecond * 100);
    }

    private static Messages.Duration Duration(TimeSpan duration) =>
        new(duration.Ticks / TimeSpan.TicksPerSecond, duration.Ticks % TimeSpan.TicksPerSecond * 100);

    private static string ProtocolVersion() =>
        typeof(Envelope).Assembly.GetType("Cucumber.Messages.ProtocolVersion")?.GetField("Version")?.GetValue(null) as string
        ?? typeof(Envelope).Assembly.GetName().Version?.ToString(3) ?? "35.0.0";

    internal sealed class SourceMediaTypeConverter : JsonConverter<SourceMediaType>
    {
        public override SourceMediaType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() == "text/x.cucumber.gherkin+markdown" ? SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_MARKDOWN : SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN;

        public override void Write(Utf8JsonWriter writer, SourceMediaType value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value == SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_MARKDOWN ? "text/x.cucumber.gherkin+markdown" : "text/x.cucumber.gherkin+plain");
    }
}

/// <summary>Cucumber Messages JSON: camelCase, nulls left out, enums as their names, media types as MIME strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = new[] { typeof(CucumberMessagesWriter.SourceMediaTypeConverter) })]
[JsonSerializable(typeof(Envelope))]
internal sealed partial class MessagesJsonContext : JsonSerializerContext;

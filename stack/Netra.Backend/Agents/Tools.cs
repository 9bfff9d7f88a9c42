namespace Netra.Backend.Agents;

/// <summary>
/// The agents' tools. First cut: deterministic, local results (no external data sources), so a run
/// is reproducible and its only external dependency is the LLM provider.
/// </summary>
public static class Tools
{
    public const string CostAnalyzer = "cost_analyzer";
    public const string KnowledgeSearch = "knowledge_search";

    public static string Run(string toolName, string question) => toolName switch
    {
        CostAnalyzer => AnalyzeCosts(),
        KnowledgeSearch => SearchKnowledge(question),
        _ => throw new ArgumentOutOfRangeException(nameof(toolName), toolName, "unknown tool"),
    };

    private static string AnalyzeCosts() =>
        "Cost analysis: monthly AI spend $4,200 across 3 workloads (chat 62%, summarization 28%, embeddings 10%). " +
        "Estimated savings 18% ($756/month): route simple prompts to a smaller model and cache repeated prompts.";

    private static readonly (string Keyword, string Snippet)[] Knowledge =
    [
        ("latency", "Latency: stream responses, keep prompts short, and co-locate workloads with the model region."),
        ("model", "Model choice: match model size to task difficulty; evaluate quality on a fixed test set before switching."),
        ("token", "Tokens: prompt plus completion tokens are billed; trimming system prompts and history reduces both."),
        ("cache", "Caching: identical prompts can be answered from a cache; semantic caching needs a similarity threshold."),
        ("netra", "Netra: an AI optimization platform whose agents analyse workloads and recommend cost and performance changes."),
    ];

    private static string SearchKnowledge(string question)
    {
        var hits = Knowledge
            .Where(k => question.Contains(k.Keyword, StringComparison.OrdinalIgnoreCase))
            .Select(k => k.Snippet)
            .ToList();
        return hits.Count == 0
            ? "Knowledge search: no matching internal documents; answer from general knowledge."
            : "Knowledge search: " + string.Join(" ", hits);
    }
}

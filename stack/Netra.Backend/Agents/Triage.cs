using System.Text.RegularExpressions;

namespace Netra.Backend.Agents;

public sealed record AgentPlan(string AgentName, string ToolName, string Thought);

/// <summary>Picks the agent for a question. Deterministic on purpose: the same question always takes the same path.</summary>
public static partial class Triage
{
    public const string CostOptimizer = "cost_optimizer";
    public const string GeneralAssistant = "general_assistant";

    public static AgentPlan Plan(string question) => CostWords().IsMatch(question)
        ? new AgentPlan(CostOptimizer, Tools.CostAnalyzer,
            "The question is about cost, so the cost optimizer takes it; it will look at current spend first.")
        : new AgentPlan(GeneralAssistant, Tools.KnowledgeSearch,
            "This is a general question, so the general assistant takes it; it will search the knowledge base first.");

    // Whole words only: "bill" but not "billion", "cost" but not "costume".
    [GeneratedRegex(@"\b(costs?|costly|spend|spends|spending|spent|bills?|billing|billed|budgets?|budgeting)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CostWords();
}

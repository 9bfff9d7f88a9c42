using System.Text.RegularExpressions;
using Netra.Acceptance.Support.Stack;
using Xunit;

namespace Netra.Acceptance.Checks;

/// <summary>
/// The GitHub Actions workflow cannot run here, so this keeps it in step with what can: it runs .ci/run in shards
/// that .ci/shard accepts, uploads each shard's results, and merges them with the command the README gives.
/// </summary>
public sealed partial class CiWorkflowMatchesTheReadme
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string Workflow = File.ReadAllText(Path.Combine(Root, ".github", "workflows", "acceptance.yml"));
    private static readonly string Readme = File.ReadAllText(Path.Combine(Root, "README.md"));

    [Fact]
    public void Each_shard_runs_the_CI_command_with_its_own_shard()
    {
        var shards = Matrix().Match(Workflow);
        shards.Success.Should().BeTrue("the workflow's shard job has a matrix of shard numbers");
        var numbers = shards.Groups["shards"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        numbers.Should().Equal(Enumerable.Range(1, numbers.Count), "the shards are numbered 1 to n, each once");
        Workflow.Should().Contain($"NETRA_SHARD: ${{{{ matrix.shard }}}}/{numbers.Count}", "each job runs its own shard of n")
            .And.Contain("run: ./.ci/run", "a shard runs what CI runs");
        Readme.Should().Contain("NETRA_SHARD=1/3 ./acceptance");
    }

    [Fact]
    public void The_merge_is_the_command_the_README_gives_over_every_shard()
    {
        var merge = MergeCommand().Match(Workflow);
        merge.Success.Should().BeTrue("the workflow merges the shards with tools/Netra.RunReports");
        Readme.Should().Contain(merge.Groups["command"].Value, "the README shows the merge the workflow runs");
        var count = Matrix().Match(Workflow).Groups["shards"].Value.Split(',').Length;
        merge.Groups["folders"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Should().Equal(Enumerable.Range(1, count).Select(i => $"shards/shard-{i}"), "every shard's downloaded results are merged");
        Workflow.Should().Contain("name: shard-${{ matrix.shard }}").And.Contain("path: TestResults/", "each shard uploads its results and evidence");
    }

    [GeneratedRegex(@"shard:\s*\[(?<shards>[0-9,\s]+)\]")]
    private static partial Regex Matrix();

    [GeneratedRegex(@"run: (?<command>dotnet run --project tools/Netra.RunReports -- merge --out \S+) (?<folders>[^\r\n]+)")]
    private static partial Regex MergeCommand();
}

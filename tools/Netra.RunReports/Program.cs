using Netra.RunReports;

// dotnet run --project tools/Netra.RunReports -- merge --out <folder> <shard results folder>...
// Exit code: 0 when every merged scenario passed or was skipped, 1 when one failed, 2 when the shards cannot be merged.
try
{
    if (args is not ["merge", "--out", var output, .. var shards] || shards.Length == 0)
    {
        Console.Error.WriteLine("""
            Usage: dotnet run --project tools/Netra.RunReports -- merge --out <folder> <shard results folder>...

            Merges the results of a run split with NETRA_SHARD=i/n: each shard's Cucumber Messages
            (reqnroll_report.ndjson) and JUnit XML (*.junit.xml) under its results folder become one living
            documentation, journey overview, rule coverage and JUnit report per test project in <folder>.
            """);
        return 2;
    }
    return await ShardMerge.RunAsync(output, shards);
}
catch (InvalidDataException e)
{
    Console.Error.WriteLine($"The shards cannot be merged: {e.Message}");
    return 2;
}

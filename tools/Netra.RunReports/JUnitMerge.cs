using System.Globalization;
using System.Xml.Linq;

namespace Netra.RunReports;

/// <summary>
/// One test project's JUnit XML from its shards: every shard's <c>testsuite</c> elements under one <c>testsuites</c>
/// whose totals are recounted from the test cases, so CI's test view shows the whole run once.
/// </summary>
public static class JUnitMerge
{
    public static XDocument Merge(IEnumerable<XDocument> shards)
    {
        var suites = shards.SelectMany(d => d.Root is { Name.LocalName: "testsuites" } root ? root.Elements("testsuite")
            : d.Root is { Name.LocalName: "testsuite" } suite ? [suite]
            : throw new InvalidDataException("a JUnit report's root must be testsuites or testsuite")).ToList();
        var root = new XElement("testsuites", suites.Select(s => new XElement(s)));
        var cases = root.Descendants("testcase").ToList();
        var skipped = Count(cases).Skipped;
        root.SetAttributeValue("name", suites.Select(s => (string?)s.Attribute("name")).FirstOrDefault(n => n is not null));
        root.SetAttributeValue("tests", cases.Count);
        root.SetAttributeValue("failures", cases.Count(c => c.Element("failure") is not null));
        root.SetAttributeValue("errors", cases.Count(c => c.Element("failure") is null && c.Element("error") is not null));
        root.SetAttributeValue("skipped", skipped);
        root.SetAttributeValue("time", suites.Sum(s => double.TryParse((string?)s.Attribute("time"), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : 0)
            .ToString("0.###", CultureInfo.InvariantCulture));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    /// <summary>The closing line's counts, as ./acceptance makes them: failed on a failure or error, else skipped, else passed.</summary>
    public static (int Passed, int Failed, int Skipped) Count(XDocument report) => Count(report.Descendants("testcase"));

    private static (int Passed, int Failed, int Skipped) Count(IEnumerable<XElement> cases)
    {
        var all = cases.ToList();
        var failed = all.Count(c => c.Element("failure") is not null || c.Element("error") is not null);
        var skipped = all.Count(c => c.Element("failure") is null && c.Element("error") is null && c.Element("skipped") is not null);
        return (all.Count - failed - skipped, failed, skipped);
    }
}

using FluentAssertions;

namespace GherkinEngine.Tests.Steps;

[Binding]
public sealed class ArgumentSteps(ScenarioContext context)
{
    // Table is Reqnroll's older name for DataTable; both work as the extra last parameter.
    [Given("the following users:")]
    public void GivenTheFollowingUsers(Table users) => context.Set<DataTable>(users);

    [Then("there are {int} users and user {int} is {string} aged {int}")]
    public void ThenThereAreUsers(int count, int position, string name, int age)
    {
        var users = context.Get<DataTable>();
        users.RowCount.Should().Be(count);
        users.Header.Should().Equal("name", "age");
        var row = users.Rows[position - 1];
        row["name"].Should().Be(name);
        row[1].Should().Be(age.ToString(System.Globalization.CultureInfo.InvariantCulture));
        row.GetInt32("age").Should().Be(age);
    }

    [Given("the document:")]
    public void GivenTheDocument(string document) => context["document"] = document;

    [Then("the document contains {string}")]
    public void ThenTheDocumentContains(string text)
    {
        var document = context.Get<string>("document");
        document.Should().Contain(text).And.StartWith("{").And.Contain("\n  \"title\"");
        context.StepContext!.StepInfo.Text.Should().Be($"the document contains \"{text}\"");
    }
}

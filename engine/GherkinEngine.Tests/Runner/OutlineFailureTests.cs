using FluentAssertions;

namespace GherkinEngine.Tests.Runner;

public sealed class OutlineFailureTests
{
    public sealed class Steps(Log log, IReqnrollOutputHelper output)
    {
        [Given("the amount {int}")]
        public void Amount(int amount)
        {
            log.Add($"amount {amount}");
            if (amount < 0)
                throw new ArgumentOutOfRangeException(nameof(amount), "negative amounts are refused");
        }

        [Then("it is accepted")]
        public void Accepted() => log.Add("accepted");

        [Given("evidence {string} is attached")]
        public void Evidence(string path) => output.AddAttachment(path);
    }

    [Fact]
    public async Task An_outline_row_fails_alone_and_the_other_rows_pass()
    {
        var log = new Log();
        var result = await RunnerKit.RunAsync("""
            Feature: F
              Scenario Outline: Amounts
                Given the amount <amount>
                Then it is accepted
                Examples:
                  | amount |
                  | 1      |
                  | -5     |
                  | 7      |
            """, log, typeof(Steps));

        result.Scenarios.Select(s => s.Passed).Should().Equal(true, false, true);
        result.Scenarios[1].Error.Should().BeOfType<ArgumentOutOfRangeException>();
        result.Scenarios[1].Statuses().Should().Equal(StepStatus.Failed, StepStatus.Skipped);
        log.Entries.Should().Equal("amount 1", "accepted", "amount -5", "amount 7", "accepted");
    }

    [Fact]
    public async Task A_file_attached_by_path_is_read_into_the_scenario_result_with_its_step()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gherkin-attachment-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "evidence text", TestContext.Current.CancellationToken);
        try
        {
            var result = await RunnerKit.RunAsync($"""
                Feature: F
                  Scenario: S
                    Given the amount 1
                    And evidence "{path}" is attached
                """, typeof(Steps));

            var attachment = result.Scenarios[0].Attachments.Should().ContainSingle().Subject;
            attachment.FileName.Should().Be(Path.GetFileName(path));
            attachment.MediaType.Should().Be("text/plain");
            attachment.StepIndex.Should().Be(1);
            System.Text.Encoding.UTF8.GetString(attachment.Content).Should().Be("evidence text");
            result.Scenarios[0].Output.Should().Contain("Attachment: " + path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

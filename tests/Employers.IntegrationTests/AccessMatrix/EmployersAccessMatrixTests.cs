using Samverkan.Testing;

namespace Samverkan.Employers.IntegrationTests.AccessMatrix;

/// <summary>Every endpoint Employers maps has a rule of who may call it, and answers as the rule says.</summary>
public sealed class EmployersAccessMatrixTests(EmployersApiFactory factory) : IClassFixture<EmployersApiFactory>
{
    /// <summary>Its records are made only for the matrix run; the coverage check needs the routes alone.</summary>
    private readonly EmployersWorld _world = new(factory);

    [Fact]
    public void Every_mapped_endpoint_has_a_rule_and_every_rule_an_endpoint()
    {
        var problems = Samverkan.Testing.AccessMatrix.Coverage(factory.Services, EmployersAccessRules.For(_world));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Every_endpoint_answers_each_role_of_the_own_and_another_agency_as_its_rule_says()
    {
        await _world.InitializeAsync();
        var result = await Samverkan.Testing.AccessMatrix.RunAsync(EmployersAccessRules.For(_world),
            caller => factory.ClientFor(caller.Role, _world.AgencyOf(caller)), factory.CreateClient());
        Assert.True(result.Mismatches.Count == 0, result.Report());
    }
}

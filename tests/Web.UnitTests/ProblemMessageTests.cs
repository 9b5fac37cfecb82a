using System.Net;
using Samverkan.Web.Api;
using Samverkan.Web.Components.Shared;

namespace Samverkan.Web.UnitTests;

public sealed class ProblemMessageTests : BunitContext
{
    [Fact]
    public void A_problem_is_announced_as_an_alert_with_the_messages_no_field_claims()
    {
        var problem = ApiProblem.From(HttpStatusCode.BadRequest, """{"status":400,"errors":{"name":["Required."],"gender":["Unknown value 'x'."]}}""");

        var cut = Render<ProblemMessage>(p => p.Add(c => c.Problem, problem).Add(c => c.Fields, ["name"]));

        var alert = cut.Find("[role=alert]");
        Assert.Contains("Uppgifterna behöver rättas", alert.TextContent);
        Assert.Contains("gender: Unknown value 'x'.", alert.TextContent);
        Assert.DoesNotContain("Required.", alert.TextContent); // shown at the name field instead
    }

    [Fact]
    public void No_problem_renders_nothing()
    {
        var cut = Render<ProblemMessage>();

        Assert.Empty(cut.Markup.Trim());
    }

    [Fact]
    public void A_fields_messages_carry_the_id_its_input_is_described_by()
    {
        var problem = ApiProblem.From(HttpStatusCode.BadRequest, """{"status":400,"errors":{"municipalityCode":["Not an SCB code."]}}""");

        var cut = Render<FieldMessages>(p => p.Add(c => c.Field, "municipalityCode").Add(c => c.Problem, problem));
        var attributes = FieldMessages.Describe(problem, "municipalityCode");

        Assert.Equal(attributes["aria-describedby"], cut.Find(".field-error").Id);
        Assert.Equal("true", attributes["aria-invalid"]);
        Assert.Empty(FieldMessages.Describe(problem, "name"));
    }
}

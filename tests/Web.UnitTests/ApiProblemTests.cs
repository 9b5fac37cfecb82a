using System.Net;
using Samverkan.Web.Api;

namespace Samverkan.Web.UnitTests;

public sealed class ApiProblemTests
{
    private const string ValidationProblem = """
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,
         "errors":{"personalIdentityNumber":["Not a valid personnummer."],"targets.participants.total":["Must be at least 1."],"startDate":["Not a date."]}}
        """;

    [Fact]
    public void A_validation_problem_gives_each_field_its_own_messages_and_nested_fields_to_their_parent()
    {
        var problem = ApiProblem.From(HttpStatusCode.BadRequest, ValidationProblem);

        Assert.Equal(["Not a valid personnummer."], problem.For("personalIdentityNumber"));
        Assert.Equal(["Must be at least 1."], problem.For("targets"));
        Assert.Empty(problem.For("personal")); // a prefix of a name is not its parent
        Assert.Equal("Uppgifterna behöver rättas. Se meddelandena vid fälten.", problem.Message);
    }

    [Fact]
    public void Messages_no_field_on_the_page_shows_are_listed_with_their_field_so_none_is_lost()
    {
        var problem = ApiProblem.From(HttpStatusCode.BadRequest, ValidationProblem);

        var unclaimed = problem.Unclaimed(["personalIdentityNumber", "targets"]).ToList();

        Assert.Equal(["startDate: Not a date."], unclaimed);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "<html>stack trace at Foo.Bar()</html>")]
    [InlineData(HttpStatusCode.BadGateway, "")]
    public void A_server_error_says_so_in_Swedish_and_shows_nothing_of_the_body(HttpStatusCode status, string body)
    {
        var problem = ApiProblem.From(status, body);

        Assert.Equal("Något gick fel hos tjänsten. Försök igen om en stund.", problem.Message);
        Assert.Null(problem.Detail);
        Assert.DoesNotContain("stack", problem.Message + problem.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_conflict_keeps_the_APIs_detail_to_show_under_the_message()
    {
        var problem = ApiProblem.From(HttpStatusCode.Conflict, """{"title":"Conflict","status":409,"detail":"The participant has already exited."}""");

        Assert.Equal("The participant has already exited.", problem.Detail);
        Assert.StartsWith("Det går inte just nu", problem.Message);
    }
}

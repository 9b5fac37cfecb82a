using System.Net;
using System.Text.Json;

namespace Samverkan.Scenarios.UnitTests;

/// <summary>The loader retries an enrolment only while the refusal names a fact still on its way by event.</summary>
public sealed class ApiResponseTests
{
    private static ApiResponse Problem(string json) => new(HttpStatusCode.BadRequest, JsonDocument.Parse(json).RootElement, json);

    [Fact]
    public void Problem_fields_are_the_validation_errors_keys_and_the_problems_field()
    {
        var response = Problem("""{"title":"x","errors":{"collaborationId":["No such collaboration"],"startDate":["bad"]},"field":"referringActorId"}""");
        Assert.Equal(["collaborationId", "startDate", "referringActorId"], response.ProblemFields());
    }

    [Fact]
    public void A_body_that_is_not_a_problem_names_no_field()
    {
        Assert.Empty(Problem("""{"title":"Conflict"}""").ProblemFields());
        Assert.Empty(new ApiResponse(HttpStatusCode.BadGateway, default, "").ProblemFields());
    }
}

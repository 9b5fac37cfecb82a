using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.ServiceDefaults.UnitTests;

public sealed class ProblemDetailsTests
{
    [Theory]
    [InlineData("$.sector", "sector")]
    [InlineData("$.contacts[0].email", "contacts[0].email")]
    [InlineData("$", "$")]
    [InlineData(null, "$")]
    public void Json_path_of_a_binding_error_becomes_the_field_name(string? path, string field) =>
        Assert.Equal(field, BadRequestExceptionHandler.JsonPathToField(path));

    [Fact]
    public void Unknown_enum_value_names_its_field()
    {
        var json = Assert.ThrowsAny<JsonException>(() =>
            JsonSerializer.Deserialize<WithEnum>("""{"sector":"galaxy"}""", JsonConventions.Create()));
        var (field, _) = BadRequestExceptionHandler.Describe(new BadHttpRequestException("bad", json));
        Assert.Equal("sector", field);
    }

    [Theory]
    [InlineData("Failed to bind parameter \"int page\" from \"abc\".", "page", "abc")]
    [InlineData("Failed to bind parameter \"Nullable<DateOnly> from\" from \"2025-13-45\".", "from", "2025-13-45")]
    [InlineData("Failed to bind parameter \"DateOnly? asOf\" from \"parameter \"x\" body\".", "asOf", "body")]
    [InlineData("Failed to bind parameter \"Dictionary<string, int> weights\" from \"190101-1234\".", "weights", "190101-1234")]
    [InlineData("Required parameter \"Guid id\" was not provided from route.", "id", null)]
    public void A_query_or_route_value_that_does_not_bind_names_its_parameter_without_echoing_the_value(string frameworkMessage, string field, string? value)
    {
        var (named, message) = BadRequestExceptionHandler.Describe(new BadHttpRequestException(frameworkMessage));
        Assert.Equal(field, named);
        // The value may be a personnummer typed into the wrong box: neither quoted nor bare may it come back.
        Assert.DoesNotContain("\"", message, StringComparison.Ordinal);
        if (value is not null)
            Assert.DoesNotContain(value, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Required parameter \"MeetingRequest request\" was not provided from body.")]
    [InlineData("Implicit body inferred for parameter \"request\" but no body was provided. Did you mean to use a Service instead?")]
    [InlineData("Failed to read parameter \"MeetingRequest request\" from the request body as JSON.")]
    public void A_missing_or_unreadable_body_is_the_whole_body_not_our_parameter_name(string frameworkMessage) =>
        Assert.Equal("$", BadRequestExceptionHandler.Describe(new BadHttpRequestException(frameworkMessage)).Field);

    [Fact]
    public void Integer_in_place_of_an_enum_name_is_refused()
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<WithEnum>("""{"sector":2}""", JsonConventions.Create()));
    }

    [Fact]
    public void Enums_travel_as_kebab_case_names()
    {
        var json = JsonSerializer.Serialize(new WithEnum { Sector = Color.DarkBlue }, JsonConventions.Create());
        Assert.Equal("""{"sector":"dark-blue"}""", json);
    }

    [Fact]
    public void Validation_errors_name_fields_as_the_client_wrote_them()
    {
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            ["OrganisationNumber"] = ["The OrganisationNumber field is required."],
            ["Address.PostalCode"] = ["Too short."],
        });

        HttpDefaultsExtensions.CamelCaseFieldNames(problem);

        Assert.Equal(["The organisationNumber field is required."], problem.Errors["organisationNumber"]);
        Assert.Equal(["Too short."], problem.Errors["address.postalCode"]);
        Assert.Equal(2, problem.Errors.Count);
    }

    private enum Color { Red = 1, DarkBlue = 2 }

    private sealed record WithEnum
    {
        public Color? Sector { get; init; }
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Samverkan.Web.Workspaces.Caseworker;

namespace Samverkan.Web.UnitTests.Caseworker;

public sealed class PostedFormTests
{
    private static PostedForm Form(params (string Key, string[] Values)[] fields) =>
        new(new FormCollection(fields.ToDictionary(f => f.Key, f => new StringValues(f.Values))));

    [Fact]
    public void The_body_carries_what_was_typed_as_the_APIs_fields_and_leaves_empty_inputs_out()
    {
        var form = Form(("municipalityCode", ["01 80"]), ("name", [""]), ("referralDate", ["inte ett datum"]),
            ("targetGroups", ["young", "newly-arrived"]), ("certificateIssued", ["true"]));

        var body = form.Body(["municipalityCode", "name", "referralDate"], lists: ["targetGroups"], flags: ["certificateIssued"]);

        Assert.Equal("""{"municipalityCode":"01 80","referralDate":"inte ett datum","targetGroups":["young","newly-arrived"],"certificateIssued":true}""",
            body.ToJsonString());
    }

    [Theory]
    [InlineData("12,5", "12.5")]
    [InlineData("1 000", "1000")]
    [InlineData("tolv", "\"tolv\"")]
    public void A_number_is_read_as_a_Swede_writes_it_and_anything_else_goes_on_as_text(string typed, string json) =>
        Assert.Equal(json, PostedForm.Number(typed).ToJsonString());
}

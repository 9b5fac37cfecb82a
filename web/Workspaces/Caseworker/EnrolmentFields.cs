using System.Text.Json.Nodes;

namespace Samverkan.Web.Workspaces.Caseworker;

/// <summary>The enrolment form's fields, named as the API's <c>EnrolParticipantRequest</c> so its messages land at them.</summary>
public static class EnrolmentFields
{
    public static readonly string[] Text =
    [
        "collaborationId", "personalIdentityNumber", "withoutNumber", "name", "gender", "birthDate", "municipalityCode",
        "referralDate", "startDate", "benefitAtStart", "labourMarketStatus", "educationLevel",
    ];

    /// <summary>Every field the form shows messages for; the API's others (referringActorId) go to the alert.</summary>
    public static readonly string[] Shown = [.. Text, "targetGroups"];

    public static JsonObject Body(PostedForm form) => form.Body(Text, lists: ["targetGroups"]);
}

using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.Apis;

/// <summary>
/// The participant's journey after enrolment, under <c>/api/participants</c> for agency staff: exit and follow-up,
/// joint action plan, hours, validation, export and erasure, and corrections of the non-identifying facts. Each resource's endpoints are in its own file.
/// </summary>
public static class ParticipantJourneyApis
{
    public static IEndpointRouteBuilder MapParticipantJourneyApis(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder Group(string tag) => app.MapGroup("/api/participants").WithTags(tag).RequireAuthorization(Policies.AgencyStaff);
        Group("Exit").MapExitApi();
        Group("Follow-ups").MapFollowUpsApi();
        Group("Action plan").MapActionPlanApi();
        Group("Hours").MapHoursApi();
        Group("Validations").MapValidationsApi();
        Group("Record").MapRecordApi();
        app.MapErasureApi();
        Group("Facts").MapParticipantFactsApi();
        return app;
    }
}

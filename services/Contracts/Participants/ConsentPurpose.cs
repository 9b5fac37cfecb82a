namespace Samverkan.Contracts.Participants;

/// <summary>What a participant's consent (samtycke) allows. On the wire as kebab-case, e.g. "share-action-plan".</summary>
public enum ConsentPurpose
{
    /// <summary>Share the joint action plan with the recipient actor (e.g. Försäkringskassan).</summary>
    ShareActionPlan = 1,
    /// <summary>Show an anonymous profile to employers for matching.</summary>
    AnonymousProfileToEmployers = 2,
    /// <summary>Disclose the participant's identity to the named employer.</summary>
    DiscloseIdentityToEmployer = 3,
}

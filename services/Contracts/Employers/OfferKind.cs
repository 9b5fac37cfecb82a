namespace Samverkan.Contracts.Employers;

/// <summary>What a placement offer is. In JSON: internship, work-trial, job, subsidised-job, summer-job.</summary>
public enum OfferKind
{
    /// <summary>Praktikplats.</summary>
    Internship,
    /// <summary>Prövningsplats / arbetsprövning.</summary>
    WorkTrial,
    Job,
    /// <summary>Anställning med stöd (lönebidrag, introduktionsjobb, nystartsjobb …).</summary>
    SubsidisedJob,
    /// <summary>Feriejobb / sommarjobb.</summary>
    SummerJob,
}

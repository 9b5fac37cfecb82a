using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.UnitTests;

/// <summary>Builds what the consumers' counters would hold for a set of participants, through the same key functions.</summary>
internal sealed class Counters
{
    public static readonly Guid Collaboration = Guid.NewGuid();
    public static readonly Guid Referrer = Guid.NewGuid();
    private readonly List<CounterDelta> _deltas = [];

    public Counters Add(int n, Gender gender, ExitOutcome? outcome = null, string municipality = "0880", bool qualification = false,
        AgeBand? age = AgeBand.From30To54, LabourMarketStatus? status = null, EducationLevel? education = null, DateOnly? start = null,
        DateOnly? exit = null, Guid? referrer = null)
    {
        for (var i = 0; i < n; i++)
        {
            var fact = new ParticipantFact
            {
                ParticipantId = Guid.NewGuid(), CollaborationId = Collaboration, Gender = (int)gender, AgeBand = (int?)age, MunicipalityCode = municipality,
                ReferringActorId = referrer ?? Referrer, TargetGroups = [3], StartDate = start ?? new DateOnly(2026, 1, 10),
                LabourMarketStatus = (int?)status, EducationLevel = (int?)education,
            };
            _deltas.AddRange(Dimensions.OfStart(fact, 1));
            if (outcome is { } o)
                _deltas.AddRange(Dimensions.OfExit(fact, new ParticipantExit
                {
                    ParticipantId = fact.ParticipantId, CollaborationId = Collaboration, ExitDate = exit ?? new DateOnly(2026, 6, 1), Outcome = (int)o,
                    GainedQualification = qualification,
                }, 1));
        }
        return this;
    }

    public List<DimensionCount> Of(Guid scope) => _deltas.Where(d => d.Scope == scope)
        .GroupBy(d => (d.Dimension, d.Key, d.Gender))
        .Select(g => new DimensionCount(g.Key.Dimension, g.Key.Key, (Gender)g.Key.Gender, g.Sum(d => d.Delta)))
        .ToList();

    public List<DimensionCount> OfCollaboration() => Of(Collaboration);

    /// <summary>What the counters of <paramref name="scope"/> hold up to and including <paramref name="asOf"/>.</summary>
    public List<DimensionCount> Until(Guid scope, DateOnly asOf) => _deltas.Where(d => d.Scope == scope && d.Day <= asOf)
        .GroupBy(d => (d.Dimension, d.Key, d.Gender))
        .Select(g => new DimensionCount(g.Key.Dimension, g.Key.Key, (Gender)g.Key.Gender, g.Sum(d => d.Delta)))
        .Where(c => c.Count != 0)
        .ToList();
}

using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>
/// What a batch of messages changes that adds up — counter deltas and raised read-model versions — collected while the
/// batch's messages are applied and written once before it commits (<see cref="Consumers.ReportingConsumer{TMessage}"/>):
/// one upsert per counter table and one version raise per batch instead of one of each per message. That is what lets
/// Reporting keep up with a burst (a bulk enrolment): its consumers run one batch at a time, so each round trip saved
/// per message is throughput gained. Nothing inside a consumer reads the counters or the versions, so collecting them
/// changes no decision a later message of the batch makes.
/// </summary>
/// <remarks>
/// Only within a consumer's batch (<see cref="Collecting"/>); the rebuild and the API write as they go. The participant
/// locks a batch has taken are remembered too: an advisory transaction lock is held to the commit, so a second message
/// about the same participant (or the enrolment consumer's own second call) need not take it again.
/// </remarks>
public sealed class BatchWrites
{
    private readonly List<CounterDelta> _counters = [];
    private readonly List<CrossDelta> _cross = [];
    private readonly HashSet<Guid> _scopes = [];
    private readonly HashSet<Guid> _locked = [];
    private Guid? _firstMessage;

    /// <summary>True between <see cref="Begin"/> and <see cref="FlushAsync"/> (or <see cref="Clear"/>).</summary>
    public bool Collecting { get; private set; }

    public void Begin()
    {
        Clear();
        Collecting = true;
    }

    public void AddCounters(IReadOnlyCollection<CounterDelta> counters, IReadOnlyCollection<CrossDelta> cross)
    {
        _counters.AddRange(counters);
        _cross.AddRange(cross);
    }

    /// <summary>Scopes whose versions the batch raises, once, in the shard of its first such message.</summary>
    public void Raise(IEnumerable<Guid> scopes, Guid messageId)
    {
        _firstMessage ??= messageId;
        _scopes.UnionWith(scopes);
    }

    /// <summary>True when the participant's lock still has to be taken in this transaction.</summary>
    public bool NeedsLock(Guid participantId) => !Collecting || _locked.Add(participantId);

    /// <summary>Writes the batch's counters, merged (<see cref="CounterRows.Of"/>), and raises its versions; stops collecting.</summary>
    public async Task FlushAsync(ReportingDbContext db, CancellationToken ct)
    {
        Collecting = false;
        await CounterWriter.WriteAsync(db, CounterRows.Of(_counters, _cross), ct);
        if (_firstMessage is { } first && _scopes.Count > 0)
            await ReadModelVersions.BumpAsync(db, _scopes, first, ct);
        Clear();
    }

    public void Clear()
    {
        Collecting = false;
        _counters.Clear();
        _cross.Clear();
        _scopes.Clear();
        _locked.Clear();
        _firstMessage = null;
    }
}

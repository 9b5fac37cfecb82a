namespace Samverkan.Participants.Infrastructure;

public sealed class ParticipantsDbContext(DbContextOptions<ParticipantsDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<KnownActor> KnownActors => Set<KnownActor>();
    public DbSet<KnownCollaboration> KnownCollaborations => Set<KnownCollaboration>();
    public DbSet<MembershipChange> MembershipChanges => Set<MembershipChange>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<IdentityAccess> IdentityAccessLog => Set<IdentityAccess>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ParticipantsDbContext).Assembly);
        modelBuilder.AddMessagingTables();
        modelBuilder.MapCopies();
    }
}

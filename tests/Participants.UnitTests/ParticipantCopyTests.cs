using Microsoft.EntityFrameworkCore;
using Samverkan.Participants.Infrastructure;
using Samverkan.Participants.Model;

namespace Samverkan.Participants.UnitTests;

public sealed class ParticipantCopyTests
{
    [Fact]
    public void Copy_writes_every_column_the_model_maps_for_a_participant()
    {
        // Building the model needs no server: the connection string is never opened.
        using var db = new ParticipantsDbContext(new DbContextOptionsBuilder<ParticipantsDbContext>().UseNpgsql("Host=unused").Options);
        var mapped = db.Model.FindEntityType(typeof(Participant))!.GetProperties().Select(p => p.GetColumnName()).Order().ToList();

        Assert.Equal(mapped, ParticipantCopy.Columns.Order().ToList());
    }
}

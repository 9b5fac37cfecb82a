using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.ServiceDefaults.UnitTests;

public sealed class RabbitMqConnectionTests
{
    [Fact]
    public void Aspire_style_uri_yields_host_port_credentials_and_default_vhost()
    {
        var c = RabbitMqConnection.Parse("amqp://app:s%40cret@broker.local:5673");
        Assert.Equal(new RabbitMqConnection("broker.local", 5673, "/", "app", "s@cret"), c);
    }

    [Fact]
    public void Missing_port_and_credentials_fall_back_to_rabbitmq_defaults()
    {
        var c = RabbitMqConnection.Parse("amqp://localhost/samverkan");
        Assert.Equal(new RabbitMqConnection("localhost", 5672, "samverkan", "guest", "guest"), c);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Host=localhost")]
    [InlineData("http://localhost:5672")]
    public void Anything_but_an_amqp_uri_is_refused_with_the_setting_to_fix(string? value)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => RabbitMqConnection.Parse(value));
        Assert.Contains("ConnectionStrings__messaging", ex.Message);
    }
}

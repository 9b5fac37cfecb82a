using System.Text;

// Any GET answers 1,000 bytes of JSON, no database, no auth: the backend that isolates what a proxy adds.
var body = Encoding.UTF8.GetBytes("{\"data\":\"" + new string('x', 1000 - 11) + "\"}");

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();

var app = builder.Build();
app.MapGet("/{**path}", (HttpContext context) =>
{
    context.Response.ContentType = "application/json";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});
app.Run();

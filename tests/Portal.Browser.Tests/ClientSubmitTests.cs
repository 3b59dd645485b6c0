using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BackOffice.Core.Hr;
using BackOffice.Core.Imports;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BackOffice.Portal.Browser.Tests;

/// <summary>A client hands work over: a typed new hire with a file, refusals in place, and CSV imports of employees.</summary>
public sealed class ClientSubmitTests(PortalServer server) : PortalTest(server)
{
    private const string Nora = "Nora (Northwind admin)";
    private const string NewHirePath = "/tenants/northwind/submit?line=hr&type=new-hire";
    private static readonly TenantScope Northwind = TenantScope.ForWorker("northwind");
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true })).ToHaveCountAsync(0);
    }

    private static async Task FillHireAsync(IPage page, string name, string? startDate)
    {
        await page.GetByTestId("field-title").FillAsync($"New hire: {name}");
        await page.GetByTestId("field-fullName").Locator("input").FillAsync(name);
        if (startDate is not null) await page.GetByTestId("field-startDate").Locator("input").FillAsync(startDate);
        await page.GetByTestId("field-position").Locator("input").FillAsync("Analyst");
        await page.GetByTestId("field-department").Locator("input").FillAsync("Finance");
        await page.GetByTestId("field-pay.amount").Locator("input").FillAsync("42000");
        await page.GetByTestId("field-pay.currency").Locator("input").FillAsync("GBP");
        await ChooseAsync(page, "field-pay.frequency", "Annual");
        await page.GetByTestId("field-bankAccount").Locator("input").FillAsync("GB82WEST12345698765432");
    }

    private async Task<IReadOnlyList<WorkItem>> ItemsTitledAsync(string title)
    {
        var items = await Server.Services.GetRequiredService<IWorkItemStore>().ListAsync(Northwind, new WorkItemFilter(Type: "new-hire"), 200, null, default);
        return [.. items.Items.Where(i => i.Title == title)];
    }

    [Fact]
    public async Task SubmitNewHire_WithAnAttachment_LandsOnTheItem_AndTheHiresFieldsAreStored()
    {
        var page = await SignInAsync(Nora, NewHirePath);
        await FillHireAsync(page, "Grace Hopper", "2027-01-04");

        await page.Locator("input[type=file]")
            .SetInputFilesAsync(new FilePayload { Name = "contract.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Assertions.Expect(page.GetByTestId("attachment")).ToContainTextAsync("contract.pdf");
        await Assertions.Expect(page.GetByTestId("attachment-refusal")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
        await page.GetByTestId("submit").ClickAsync();

        await page.WaitForURLAsync(new Regex("/tenants/northwind/work-items/[0-9a-f-]{36}$"));
        var id = Guid.Parse(page.Url[^36..]);
        var item = await Server.Services.GetRequiredService<IWorkItemStore>().FindAsync(Northwind, id, default);
        var hire = JsonDocument.Parse(item!.Payload!).RootElement;
        Assert.Equal(("new-hire", "New hire: Grace Hopper"), (item.Type, item.Title));
        Assert.Equal(("Grace Hopper", "2027-01-04", "GB82WEST12345698765432"),
            (hire.GetProperty("fullName").GetString(), hire.GetProperty("startDate").GetString(), hire.GetProperty("bankAccount").GetString()));
        Assert.Equal((42000m, "GBP", "annual"), (hire.GetProperty("pay").GetProperty("amount").GetDecimal(),
            hire.GetProperty("pay").GetProperty("currency").GetString(), hire.GetProperty("pay").GetProperty("frequency").GetString()));
        Assert.Equal(("contract.pdf", "application/pdf"), (item.Attachments.Single().FileName, item.Attachments.Single().ContentType));
    }

    [Fact]
    public async Task SubmitNewHire_WithoutAStartDate_ShowsTheMessageBesideTheField_KeepsWhatWasTyped_AndStoresNothing()
    {
        var page = await SignInAsync(Nora, NewHirePath);
        await FillHireAsync(page, "Ada Lovelace", startDate: null);

        await page.GetByTestId("submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("field-startDate")).ToContainTextAsync("Start date is required.");
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("check the fields");
        await Assertions.Expect(page.GetByTestId("field-fullName").Locator("input")).ToHaveValueAsync("Ada Lovelace");
        Assert.EndsWith("/submit?line=hr&type=new-hire", page.Url);
        Assert.Empty(await ItemsTitledAsync("New hire: Ada Lovelace"));
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AFileOfAWrongType_IsRefusedInPlace_BeforeUpload()
    {
        var page = await SignInAsync(Nora, NewHirePath);

        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "setup.exe", MimeType = "application/x-msdownload", Buffer = [0x4D, 0x5A, 0x90] });

        await Assertions.Expect(page.GetByTestId("attachment")).ToContainTextAsync("setup.exe");
        await Assertions.Expect(page.GetByTestId("attachment-refusal")).ToContainTextAsync("Allowed types: application/pdf");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task SubmitForm_AtPhoneWidth_FitsWithoutSidewaysScroll_AndIsAccessible()
    {
        var page = await SignInAsync(Nora, "/tenants/northwind/submit?line=billing&type=customer-invoice", PhoneWidth);

        await page.GetByTestId("field-lines[0].quantity").Locator("input").FillAsync("3");
        await page.GetByTestId("field-lines[0].unitPrice").Locator("input").FillAsync("19.99");
        await page.GetByTestId("field-lines[0].taxPercent").Locator("input").FillAsync("20");

        await Assertions.Expect(page.GetByTestId("invoice-total")).ToContainTextAsync("71.96");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task CsvImport_WithABadRow_ShowsItsRowAndColumn_ThenAGoodFile_CompletesTo100Percent_AndTheEmployeesAreStored()
    {
        const string header = "fullName,startDate,position,department,payAmount,payCurrency,payFrequency";
        var page = await SignInAsync(Nora, "/tenants/northwind/imports");
        // The upload adds a fresh input after each file; the newest is the live one.
        var file = page.Locator("input[type=file]").Last;

        await file.SetInputFilesAsync(new FilePayload { Name = "bad.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"{header}\nJune Good,2027-02-01,Clerk,Ops,30000,GBP,annual\nJim Bad,not-a-date,Clerk,Ops,30000,GBP,annual\n") });
        await Assertions.Expect(page.GetByTestId("import-upload")).ToContainTextAsync("bad.csv");
        await page.GetByTestId("start-import").ClickAsync();

        await Assertions.Expect(page.GetByTestId("error-row")).ToHaveTextAsync("3", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("error-column")).ToHaveTextAsync("startDate");
        await AssertAccessibleAsync(page);

        await file.SetInputFilesAsync(new FilePayload { Name = "good.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"{header}\nJune Good,2027-02-01,Clerk,Ops,30000,GBP,annual\nJim Fixed,2027-02-02,Clerk,Ops,31000,GBP,annual\n") });
        await Assertions.Expect(page.GetByTestId("import-upload")).ToContainTextAsync("good.csv");
        await page.GetByTestId("start-import").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-percent")).ToHaveTextAsync("100%", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("import-row")).ToHaveCountAsync(2);
        var employees = await Server.Services.GetRequiredService<IEmployeeStore>().ListAsync(Northwind, 200, null, default);
        Assert.Contains(employees.Items, e => e.FullName == "June Good");
        Assert.Contains(employees.Items, e => e.FullName == "Jim Fixed");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task ImportTemplate_Downloads_WithTheParsersHeader()
    {
        var page = await SignInAsync(Nora, "/tenants/northwind/imports");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("template-link").ClickAsync());

        Assert.Equal("employees-template.csv", download.SuggestedFilename);
        Assert.Equal(ImportRows.Template(ImportKind.Employees), await File.ReadAllTextAsync((await download.PathAsync())!));
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using BackOffice.Core.Common;

namespace BackOffice.Core.Hr;

/// <summary>HR work types: validates a submitted payload into its typed record, and reads a stored one back.</summary>
public static class HrPayloadParser
{
    private const int NameMax = 200, IdMax = 64;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    private static readonly Dictionary<string, Type> Types = new(StringComparer.Ordinal)
    {
        ["new-hire"] = typeof(NewHire), ["employee-change"] = typeof(EmployeeChange), ["payroll-change"] = typeof(PayrollChange),
        ["leave-request"] = typeof(LeaveRequest), ["leaver"] = typeof(Leaver),
    };

    public static IReadOnlyCollection<string> TypeNames => Types.Keys;

    public static bool IsHrType(string type) => Types.ContainsKey(type);

    /// <summary>Each typed work type's payload record, for the API's schema.</summary>
    public static IReadOnlyDictionary<string, Type> PayloadTypes => Types;

    public static string ToJson(HrPayload payload) => JsonSerializer.Serialize(payload, payload.GetType(), Json);

    public static HrPayload FromJson(string type, string json) => (HrPayload)JsonSerializer.Deserialize(json, Types[type], Json)!;

    /// <summary>The typed payload of an HR work type, or the field errors under "payload".</summary>
    public static HrPayload? Parse(string type, JsonElement? payload, FieldErrors errors)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } element) { errors.Add("payload", $"A {type} needs its 'payload' object."); return null; }
        var r = new PayloadReader(element, errors, "payload");
        HrPayload? parsed = type switch
        {
            "new-hire" => NewHire(r),
            "employee-change" => Change(r, errors),
            "payroll-change" => new PayrollChange(Employee(r), r.Date("effectiveDate") ?? default, PayOf(r.Object("pay")), r.String("bankAccount", IdMax, required: false)),
            "leave-request" => Leave(r, errors),
            "leaver" => new Leaver(Employee(r), r.Date("lastDay") ?? default, r.String("reason", 500) ?? "",
                r.Array("finalPay", 50).Select(i => new FinalPayItem(i.String("description", NameMax) ?? "", i.Money("amount") ?? 0, i.Currency("currency") ?? "")).ToList()),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an HR work type."),
        };
        return errors.IsEmpty ? parsed : null;
    }

    private static NewHire NewHire(PayloadReader r) => new(r.String("fullName", NameMax) ?? "", r.String("email", NameMax, required: false),
        r.String("nationalId", IdMax, required: false), r.Date("startDate") ?? default, r.String("position", NameMax) ?? "", r.String("department", NameMax) ?? "",
        PayOf(r.Object("pay")), OptionalId(r, "managerId"), r.String("bankAccount", IdMax, required: false));

    private static EmployeeChange Change(PayloadReader r, FieldErrors errors)
    {
        var change = new EmployeeChange(Employee(r), r.Date("effectiveDate") ?? default, r.String("position", NameMax, required: false),
            r.String("department", NameMax, required: false), OptionalId(r, "managerId"));
        if (change is { Position: null, Department: null, ManagerId: null } && r.IsObject) errors.Add("payload", "Change at least one of 'position', 'department', 'managerId'.");
        return change;
    }

    private static LeaveRequest Leave(PayloadReader r, FieldErrors errors)
    {
        var leave = new LeaveRequest(Employee(r), r.Enum<LeaveType>("type") ?? default, r.Date("from") ?? default, r.Date("to") ?? default, r.String("approver", NameMax) ?? "");
        if (leave.To < leave.From) errors.Add("payload.to", "'to' must not be before 'from'.");
        return leave;
    }

    private static Pay PayOf(PayloadReader r) => new(r.Money("amount") ?? 0, r.Currency("currency") ?? "", r.Enum<PayFrequency>("frequency") ?? default);

    private static Guid Employee(PayloadReader r) => r.Id("employeeId") ?? Guid.Empty;

    private static Guid? OptionalId(PayloadReader r, string name) => r.Id(name, required: false);
}

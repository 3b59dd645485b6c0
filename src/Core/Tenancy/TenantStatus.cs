namespace BackOffice.Core.Tenancy;

public enum TenantStatus { Onboarding, Active, Suspended, Offboarded }

public enum ServiceLine { Hr, Billing, Orders }

namespace BackOffice.Core.WorkItems;

public enum WorkItemStatus { New, InProgress, WaitingOnClient, Resolved, Closed, Cancelled }

public enum Priority { P1, P2, P3, P4 }

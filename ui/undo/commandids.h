#pragma once

namespace cp {

// QUndoCommand::id() of every undoable command, in one place so ids never collide.
enum class CommandId : int
{
    LogEntry = 1,
    AmendEntry,
    SetSeverity,
    SetStatus,
    SetDetails,
    AssignRole,
    ReleaseRole,
    HandOverRole,
    RollCallItem,
    UpdateAction,
};

} // namespace cp

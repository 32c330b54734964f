#pragma once

namespace cp {

// QUndoCommand::id() of the commands that merge with the step before them (mergeWith), in one
// place so ids never collide. A command that does not merge has no id.
enum class CommandId : int
{
    AmendEntry = 1, // one entry amended again in the same fields
    SetSeverity,    // the severity stepped again
    SetDetails,     // the title and summary edited again
};

} // namespace cp

#pragma once

#include "workspace.h"

class QMainWindow;

namespace cp {

// The default arrangement of a workspace: which docks are in view, where, and how big, in a
// window of any size from 1280×720 up. Every other dock sits as a tab behind one in view.
// Docks are found by their stable object names, so the layout knows no dock classes.
class WorkspaceLayout final
{
public:
    static void arrange(QMainWindow &window, Workspace workspace);
};

} // namespace cp

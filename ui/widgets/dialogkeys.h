#pragma once

#include <QObject>

class QCompleter;
class QDialog;

namespace cp {

// Keyboard conventions every dialog of the console shares, so the Scribe never needs the mouse.
namespace DialogKeys {

// Ctrl+Enter in a multi-line text field commits its dialog (clicks the default or OK button),
// in every dialog of the application, QInputDialog's included. Installed once on the application.
void installCtrlEnterCommits();

// Picking a completion with Enter commits the dialog at once, instead of the completer eating the
// first Enter and the dialog waiting for a second one.
void acceptOnCompletion(QCompleter *completer, QDialog *dialog);

} // namespace DialogKeys

} // namespace cp

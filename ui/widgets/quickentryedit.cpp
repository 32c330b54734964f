#include "quickentryedit.h"

#include <QKeyEvent>

namespace cp {

namespace {
constexpr int HistoryLimit = 100;

bool isPlainReturn(const QKeyEvent &key)
{
    return (key.key() == Qt::Key_Return || key.key() == Qt::Key_Enter) &&
           (key.modifiers() == Qt::NoModifier || key.modifiers() == Qt::KeypadModifier);
}
} // namespace

QuickEntryEdit::QuickEntryEdit(QWidget *parent) : QLineEdit(parent)
{
    connect(this, &QLineEdit::textEdited, this, [this] { m_position = -1; });
}

void QuickEntryEdit::addToHistory(const QString &line)
{
    if (line.trimmed().isEmpty())
        return;
    if (m_history.isEmpty() || m_history.constLast() != line)
        m_history << line;
    while (m_history.size() > HistoryLimit)
        m_history.removeFirst();
    m_position = -1;
    m_draft.clear();
}

bool QuickEntryEdit::event(QEvent *event)
{
    // Claimed before any shortcut is looked at; QLineEdit would first compare the key with some
    // thirty standard key bindings (a tenth of the time from Return to "Saved") and then leave
    // it to the window's shortcuts.
    if (event->type() == QEvent::ShortcutOverride && isPlainReturn(*static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QLineEdit::event(event);
}

void QuickEntryEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
        if (event->key() == Qt::Key_Up) {
            recall(-1);
            return;
        }
        if (event->key() == Qt::Key_Down) {
            recall(+1);
            return;
        }
    }
    QLineEdit::keyPressEvent(event);
}

void QuickEntryEdit::recall(int step)
{
    if (m_history.isEmpty())
        return;
    if (m_position < 0) {
        if (step > 0)
            return;
        m_draft = text();
        m_position = int(m_history.size());
    }
    const int next = m_position + step;
    if (next < 0)
        return;
    if (next >= m_history.size()) {
        m_position = -1;
        setText(m_draft);
        return;
    }
    m_position = next;
    setText(m_history.at(next));
}

} // namespace cp

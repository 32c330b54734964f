#pragma once

#include <QDialog>

class QAction;

namespace cp {

// Help ▸ Keyboard shortcuts: every action with a shortcut, taken from the actions themselves
// so the list can never disagree with what the keys do.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    struct Group
    {
        QString title;
        QList<QAction *> actions;
    };
    explicit ShortcutsDialog(const QList<Group> &groups, QWidget *parent = nullptr);
};

} // namespace cp

#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cp {

ShortcutsDialog::ShortcutsDialog(const QList<Group> &groups, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    auto *list = new QTreeWidget(this);
    list->setObjectName(QStringLiteral("shortcutsList"));
    list->setHeaderLabels({tr("Action"), tr("Keys")});
    list->setRootIsDecorated(false);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    for (const Group &group : groups) {
        auto *heading = new QTreeWidgetItem(list, {group.title});
        QFont bold = heading->font(0);
        bold.setBold(true);
        heading->setFont(0, bold);
        heading->setFirstColumnSpanned(true);
        for (QAction *action : group.actions) {
            const QList<QKeySequence> keys = action->shortcuts();
            if (keys.isEmpty())
                continue;
            QStringList shown;
            for (const QKeySequence &key : keys)
                shown << key.toString(QKeySequence::NativeText);
            QString text = action->text();
            text.remove(QLatin1Char('&'));
            text.remove(QStringLiteral("..."));
            text.remove(QChar(0x2026));
            new QTreeWidgetItem(list, {QStringLiteral("    ") + text, shown.join(QStringLiteral(", "))});
        }
    }
    list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    list->header()->setStretchLastSection(false);

    auto *hint = new QLabel(tr("In the quick entry line: a: action, s: status report, d: decision, c: callout, "
                               "n: note, m: communication, TODO: follow-up; ! marks a key event; @14:32 or @-5m "
                               "backfills; #word tags. Up and Down recall earlier lines."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(list);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(580, 720);
    connect(buttons, &QDialogButtonBox::rejected, this, &ShortcutsDialog::reject);
}

} // namespace cp

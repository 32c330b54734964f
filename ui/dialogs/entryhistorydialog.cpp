#include "entryhistorydialog.h"

#include "widgets/kindstyle.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cp {

EntryHistoryDialog::EntryHistoryDialog(const QList<EntryRevision> &history, QWidget *parent, const QTimeZone &zone)
    : QDialog(parent), m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("entryHistoryDialog"));
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    setWindowTitle(history.isEmpty() ? tr("Entry history")
                                     : tr("History of entry #%1").arg(history.constLast().entry.id));

    m_list->setObjectName(QStringLiteral("entryHistoryList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Rev."), tr("Happened"), tr("Kind"), tr("Text"), tr("Flags"), tr("Replaced")});
    for (const EntryRevision &revision : history) {
        const TimelineEntry &e = revision.entry;
        QStringList flags;
        if (e.keyEvent)
            flags << tr("key event");
        if (e.retracted)
            flags << tr("retracted");
        const QString replaced =
            revision.supersededAt.isValid()
                ? tr("%1 by %2").arg(revision.supersededAt.toTimeZone(zone).toString(format), revision.supersededBy)
                : tr("current");
        auto *item = new QTreeWidgetItem(
            m_list, {QString::number(e.revision), e.occurredAt.toTimeZone(zone).toString(format),
                     EntryVocabulary::kindLabel(e.kind), e.text, flags.join(QStringLiteral(", ")), replaced});
        item->setIcon(2, KindStyle::swatch(KindStyle::kindColor(e.kind)));
        item->setToolTip(3, e.text);
        if (!revision.supersededAt.isValid()) {
            QFont bold = item->font(0);
            bold.setBold(true);
            for (int c = 0; c < m_list->columnCount(); ++c)
                item->setFont(c, bold);
        }
    }
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    if (!history.isEmpty()) {
        const TimelineEntry &current = history.constLast().entry;
        auto *intro = new QLabel(tr("Logged by %1 at %2. Amendments never overwrite: every earlier reading is kept.")
                                     .arg(current.author, current.capturedAt.toTimeZone(zone).toString(format)),
                                 this);
        intro->setWordWrap(true);
        layout->addWidget(intro);
    }
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(860, 300);
    connect(buttons, &QDialogButtonBox::rejected, this, &EntryHistoryDialog::reject);
}

int EntryHistoryDialog::revisionCount() const
{
    return m_list->topLevelItemCount();
}

} // namespace cp

#pragma once

#include "domain/timelineentry.h"

#include <QDialog>
#include <QTimeZone>

class QTreeWidget;

namespace cp {

// Every reading an entry has had, oldest first and the current one last: who changed it, when.
class EntryHistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntryHistoryDialog)

public:
    EntryHistoryDialog(const QList<EntryRevision> &history, QWidget *parent = nullptr,
                       const QTimeZone &zone = QTimeZone::systemTimeZone());

    int revisionCount() const;

private:
    QTreeWidget *m_list;
};

} // namespace cp

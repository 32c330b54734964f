#pragma once

#include <QDialog>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace cp {

class IncidentStore;
class SaveStatus;

// A role's responsibilities checklist in this incident: ticking a line records it through
// the store (who and when), and it shows ticked elsewhere at once.
class DutiesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DutiesDialog)

public:
    DutiesDialog(IncidentStore &store, SaveStatus *saveStatus, qint64 incidentId, qint64 roleId, QString author,
                 QWidget *parent = nullptr);
    QListWidget *list() const { return m_list; }

private:
    void reload();
    void onItemChanged(QListWidgetItem *item);

    IncidentStore &m_store;
    SaveStatus *m_saveStatus;
    qint64 m_incidentId;
    qint64 m_roleId;
    QString m_author;
    QLabel *m_description;
    QListWidget *m_list;
    bool m_loading = false;
};

} // namespace cp

#pragma once

#include <QDialog>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace cp {

class IncidentSession;

// A role's responsibilities checklist in this incident: ticking a line records it through
// the store (who and when), and it shows ticked elsewhere at once.
class DutiesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DutiesDialog)

public:
    DutiesDialog(IncidentSession &session, qint64 roleId, QWidget *parent = nullptr);
    QListWidget *list() const { return m_list; }

private:
    void reload();
    void onItemChanged(QListWidgetItem *item);

    IncidentSession &m_session;
    qint64 m_roleId;
    QLabel *m_description;
    QListWidget *m_list;
    bool m_loading = false;
};

} // namespace cp

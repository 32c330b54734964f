#pragma once

#include "domain/incident.h"

#include <QToolBar>

class QAction;
class QComboBox;
class QLabel;

namespace cp {

class IncidentListModel;

// The incident toolbar: declare, the incident shown (a drop-down of every incident, open ones
// first), switch, the severity and status drop-downs, undo and redo. It only reports what the
// user picked; the window decides what that does.
class IncidentToolBar final : public QToolBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentToolBar)

public:
    struct Actions
    {
        QAction *declare;
        QAction *switchIncident;
        QAction *undo;
        QAction *redo;
    };

    IncidentToolBar(IncidentListModel &incidents, const Actions &actions, QWidget *parent = nullptr);

    // The incident shown (null: none); the drop-downs follow without emitting anything.
    void showIncident(const Incident *incident);

    void retranslateUi();

signals:
    void incidentChosen(qint64 incidentId);
    void severityChosen(cp::Severity severity);
    void statusChosen(cp::IncidentStatus status);

private:
    QLabel *addLabel();

    IncidentListModel &m_incidents;
    QAction *m_switchAction;
    QLabel *m_incidentLabel;
    QComboBox *m_incidentCombo;
    QLabel *m_severityLabel;
    QComboBox *m_severityCombo;
    QLabel *m_statusLabel;
    QComboBox *m_statusCombo;
};

} // namespace cp

#pragma once

#include "db/storeerror.h"
#include "domain/rollcall.h"

#include "deferreddock.h"
#include <QTimer>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTreeView;

namespace cp {

class Clock;
class FeedbackLabel;
class IncidentSession;
class IncidentStore;
class MissedModel;
class RollCallModel;

// The IC's roll call: a grid of the round's roles × C/A/N with the condition as a colour and
// missed items standing out, the earlier rounds to look back at, and under it the Deputy's
// missed list (every call not answered, across rounds, with how long ago it was asked).
//
// The keyboard flow: the form under the grid answers the item being called. Pick the condition
// (type its first letters), Tab through the condition text, Actions and Needs, Enter records the
// answer and moves to the next item in call order. F5 marks "no answer", F6 skips; Ctrl+Enter
// records and turns the Needs into an action in one step. Every mark can be undone.
class RollCallDock final : public DeferredDock
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RollCallDock)

public:
    static constexpr int AgeRefreshMs = 15000;

    RollCallDock(IncidentStore &store, const Clock &clock, QWidget *parent = nullptr);
    ~RollCallDock() override;

    qint64 incidentId() const
    {
        ensureBuilt();
        return m_incidentId;
    }

    RollCallModel *model() const { return built(m_model); }
    // Kept current from the start, built or not: the window calls the user on a new miss.
    MissedModel *missedModel() const { return m_missed; }
    QTableView *view() const { return built(m_view); }
    QTreeView *missedView() const { return built(m_missedView); }
    qint64 currentItemId() const
    {
        ensureBuilt();
        return m_itemId;
    }
    void selectItem(qint64 itemId);

    // The commands behind the buttons and keys; false (and the reason shown) when refused.
    bool startRound();
    bool endRound();
    bool recordAnswer(bool needsToAction = false);
    bool markCurrent(RollCallItemState state);
    bool needsToAction(); // the selected item's Needs become an action
    bool dismissMissed();
    void focusAnswer();
    void refreshAges();

    QAction *startRoundAction() const { return m_startAction; }
    QAction *endRoundAction() const { return m_endAction; }
    QAction *focusAction() const { return m_focusAction; }
    QList<QAction *> rollCallActions() const; // for the menu and the shortcuts dialog

    void retranslateUi();

signals:
    // An action was created from a report's Needs (the Actions dock selects it).
    void actionCreated(qint64 actionId);

protected:
    void changeEvent(QEvent *event) override;
    QWidget *buildContent() override;
    void showSession(IncidentSession *session) override;
    void updateFrame(IncidentSession *session) override;

private:
    void createActions();
    void reloadScopes();
    void reloadRounds();
    void updateForm();
    void loadAnswer(); // the form shows the current item's report (empty when not answered)
    void updateSummary();
    void moveToNext(int fromRow);
    bool refuse(const QString &why); // says why nothing was written; false

    IncidentStore &m_store;
    const Clock &m_clock;
    IncidentSession *m_session = nullptr;
    qint64 m_incidentId = 0;
    qint64 m_itemId = 0;

    RollCallModel *m_model = nullptr;
    MissedModel *m_missed;
    QTimer m_ageTimer;

    QComboBox *m_roundCombo = nullptr;
    QLabel *m_summary = nullptr;
    QComboBox *m_scopeCombo = nullptr;
    QSpinBox *m_timeboxSpin = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_endButton = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_callingLabel = nullptr;
    QComboBox *m_conditionCombo = nullptr;
    QLineEdit *m_conditionText = nullptr;
    QLineEdit *m_actionsEdit = nullptr;
    QLineEdit *m_needsEdit = nullptr;
    QPushButton *m_recordButton = nullptr;
    QPushButton *m_missButton = nullptr;
    QPushButton *m_skipButton = nullptr;
    QPushButton *m_needsButton = nullptr;
    FeedbackLabel *m_feedback = nullptr;
    QLabel *m_missedTitle = nullptr;
    QTreeView *m_missedView = nullptr;
    QPushButton *m_dismissButton = nullptr;
    QLabel *m_labels[4] = {};

    QAction *m_startAction = nullptr;
    QAction *m_endAction = nullptr;
    QAction *m_focusAction = nullptr;
    QAction *m_missAction = nullptr;
    QAction *m_skipAction = nullptr;
    QAction *m_needsAction = nullptr;
    QAction *m_dismissAction = nullptr;
};

} // namespace cp

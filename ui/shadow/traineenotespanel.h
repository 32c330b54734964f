#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QTreeView;

namespace cp {

class IncidentStore;
class TraineeNoteModel;
class TraineeNotes;

// The shadow view's "My notes" panel: the trainee's private notes on the incident, each pinned
// to a moment of the timeline shown beside it. Enter pins the typed note to the selected entry
// (or the newest one); choosing a note selects its moment in the timeline; Enter on a note edits
// it, Delete removes it. Every outcome is said in one line under the notes.
class TraineeNotesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraineeNotesPanel)

public:
    // notes and model may be null (no notebook could be opened): the panel then says so. The
    // timeline view's model rows carry TimelineModel's roles.
    TraineeNotesPanel(IncidentStore &store, TraineeNotes *notes, TraineeNoteModel *model, QTreeView *timeline,
                      QWidget *parent = nullptr);

    // false, with the reason shown under the notes, when the note cannot be pinned.
    bool pinNote(const QString &text);
    bool deleteSelectedNote();
    void focusNewNote();

    // The title's type, and the smaller type of what is typed and clicked at the desk.
    void setFonts(const QFont &title, const QFont &desk);
    void retranslateUi();

private:
    void editSelectedNote();
    void showMessage(const QString &text);
    void showMoment(const QModelIndex &note);

    IncidentStore &m_store;
    TraineeNotes *m_notes;
    TraineeNoteModel *m_model;
    QTreeView *m_timeline;
    QLabel *m_title;
    QListView *m_view;
    QLineEdit *m_edit;
    QLabel *m_message;
    QAction *m_deleteAction;
};

} // namespace cp

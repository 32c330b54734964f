#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;

namespace cp {

class IncidentStore;

// Chooses a resolved incident to replay for training. Opens non-modally (open()); accepted()
// leaves the choice in incidentId().
class ReplayPickerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayPickerDialog)

public:
    explicit ReplayPickerDialog(const IncidentStore &store, QWidget *parent = nullptr);

    qint64 incidentId() const;
    int count() const;

private:
    QLabel *m_intro;
    QListWidget *m_list;
    QDialogButtonBox *m_buttons;
};

} // namespace cp

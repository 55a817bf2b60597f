import { Field, Select, Text } from "@fluentui/react-components";
import type { AgencyChoice, AgencyChoices } from "../../shared/catalogue/agencyChoices";
import type { ImportAnswer } from "../../shared/api/contract";

const CREATE = "__create__";

/**
 * The agencies a checked decision names: those found registered, those it will create, and those that only resemble a
 * registered agency. For these the officer says which agency it is, or that it is a new one: the software never
 * decides, and the import waits until every one is chosen.
 */
export function ImportAgencies({
  agencies,
  choices,
  onChoose,
}: {
  agencies: ImportAnswer["report"]["agencies"];
  choices: AgencyChoices;
  onChoose: (heading: string, choice: AgencyChoice | undefined) => void;
}) {
  const { matched, created, close } = agencies;
  return (
    <div className="kpi-stack" aria-label="Cơ quan trong văn bản">
      <Text>
        Cơ quan đã đăng ký ({matched.length}): {matched.map((agency) => agency.name).join(", ") || "không có"}.
      </Text>
      <Text>
        Cơ quan sẽ tạo mới ({created.length}): {created.map((agency) => agency.name).join(", ") || "không có"}.
      </Text>
      {close.map((item) => {
        const choice = choices[item.heading];
        const value = choice === undefined ? "" : "create" in choice ? CREATE : choice.use;
        return (
          <Field
            key={item.heading}
            label={`Mục "${item.heading}" giống cơ quan đã đăng ký: đây là cơ quan nào?`}
            validationState={choice ? "none" : "warning"}
            validationMessage={choice ? undefined : "Cần chọn trước khi nhập."}
          >
            <Select
              value={value}
              onChange={(_event, data) => onChoose(item.heading, data.value === "" ? undefined : data.value === CREATE ? { create: true } : { use: data.value })}
            >
              <option value="">— Chọn —</option>
              {item.candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  Là {candidate.name} ({candidate.id})
                </option>
              ))}
              <option value={CREATE}>Cơ quan mới: {item.name}</option>
            </Select>
          </Field>
        );
      })}
    </div>
  );
}

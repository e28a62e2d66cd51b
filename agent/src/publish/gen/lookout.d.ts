import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace lookout. */
export namespace lookout {

    /** Namespace v1. */
    namespace v1 {

        /** Kind enum. */
        enum Kind {

            /** KIND_UNSPECIFIED value */
            KIND_UNSPECIFIED = 0,

            /** KIND_BIRTH value */
            KIND_BIRTH = 1,

            /** KIND_STATE value */
            KIND_STATE = 2,

            /** KIND_PLOTS value */
            KIND_PLOTS = 3,

            /** KIND_TRACKS value */
            KIND_TRACKS = 4,

            /** KIND_ALERTS value */
            KIND_ALERTS = 5,

            /** KIND_STATUS value */
            KIND_STATUS = 6,

            /** KIND_GAP value */
            KIND_GAP = 7
        }

        /**
         * Properties of an Envelope.
         * @deprecated Use lookout.v1.Envelope.$Properties instead.
         */
        interface IEnvelope extends lookout.v1.Envelope.$Properties {
        }

        /** Represents an Envelope. */
        class Envelope {

            /**
             * Constructs a new Envelope.
             * @param [properties] Properties to set
             */
            constructor(properties?: lookout.v1.Envelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Envelope unit. */
            unit: string;

            /** Envelope session. */
            session: number;

            /** Envelope seq. */
            seq: number;

            /** Envelope kind. */
            kind: lookout.v1.Kind;

            /** Envelope timeUs. */
            timeUs: number;

            /** Envelope birth. */
            birth?: (lookout.v1.Birth.$Properties|null);

            /** Envelope state. */
            state?: (lookout.v1.State.$Properties|null);

            /** Envelope plots. */
            plots?: (lookout.v1.PlotBatch.$Properties|null);

            /** Envelope tracks. */
            tracks?: (lookout.v1.TrackBatch.$Properties|null);

            /** Envelope alert. */
            alert?: (lookout.v1.Alert.$Properties|null);

            /** Envelope status. */
            status?: (lookout.v1.Status.$Properties|null);

            /** Envelope gap. */
            gap?: (lookout.v1.Gap.$Properties|null);

            /** Envelope body. */
            body?: ("birth"|"state"|"plots"|"tracks"|"alert"|"status"|"gap");

            /**
             * Creates a new Envelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Envelope instance
             */
            static create(properties: lookout.v1.Envelope.$Shape): lookout.v1.Envelope & lookout.v1.Envelope.$Shape;
            static create(properties?: lookout.v1.Envelope.$Properties): lookout.v1.Envelope;

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link lookout.v1.Envelope.verify|verify} messages.
             * @param message Envelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: lookout.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Envelope message, length delimited. Does not implicitly {@link lookout.v1.Envelope.verify|verify} messages.
             * @param message Envelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: lookout.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {lookout.v1.Envelope & lookout.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lookout.v1.Envelope & lookout.v1.Envelope.$Shape;

            /**
             * Decodes an Envelope message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {lookout.v1.Envelope & lookout.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): lookout.v1.Envelope & lookout.v1.Envelope.$Shape;

            /**
             * Verifies an Envelope message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Envelope
             */
            static fromObject(object: { [k: string]: any }): lookout.v1.Envelope;

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @param message Envelope
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: lookout.v1.Envelope, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Envelope to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Envelope
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Envelope {

            /** Properties of an Envelope. */
            interface $Properties {

                /** Envelope unit */
                unit?: (string|null);

                /** Envelope session */
                session?: (number|null);

                /** Envelope seq */
                seq?: (number|null);

                /** Envelope kind */
                kind?: (lookout.v1.Kind|null);

                /** Envelope timeUs */
                timeUs?: (number|null);

                /** Envelope birth */
                birth?: (lookout.v1.Birth.$Properties|null);

                /** Envelope state */
                state?: (lookout.v1.State.$Properties|null);

                /** Envelope plots */
                plots?: (lookout.v1.PlotBatch.$Properties|null);

                /** Envelope tracks */
                tracks?: (lookout.v1.TrackBatch.$Properties|null);

                /** Envelope alert */
                alert?: (lookout.v1.Alert.$Properties|null);

                /** Envelope status */
                status?: (lookout.v1.Status.$Properties|null);

                /** Envelope gap */
                gap?: (lookout.v1.Gap.$Properties|null);

                /** Envelope body */
                body?: ("birth"|"state"|"plots"|"tracks"|"alert"|"status"|"gap");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of an Envelope. */
            type $Shape = {
              unit?: string|null;
              session?: number|null;
              seq?: number|null;
              kind?: lookout.v1.Kind|null;
              timeUs?: number|null;
              birth?: lookout.v1.Birth.$Shape|null;
              state?: lookout.v1.State.$Shape|null;
              plots?: lookout.v1.PlotBatch.$Shape|null;
              tracks?: lookout.v1.TrackBatch.$Shape|null;
              alert?: lookout.v1.Alert.$Shape|null;
              status?: lookout.v1.Status.$Shape|null;
              gap?: lookout.v1.Gap.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; birth?: null; state?: null; plots?: null; tracks?: null; alert?: null; status?: null; gap?: null }|{ body?: "birth"; birth: lookout.v1.Birth.$Shape; state?: null; plots?: null; tracks?: null; alert?: null; status?: null; gap?: null }|{ body?: "state"; birth?: null; state: lookout.v1.State.$Shape; plots?: null; tracks?: null; alert?: null; status?: null; gap?: null }|{ body?: "plots"; birth?: null; state?: null; plots: lookout.v1.PlotBatch.$Shape; tracks?: null; alert?: null; status?: null; gap?: null }|{ body?: "tracks"; birth?: null; state?: null; plots?: null; tracks: lookout.v1.TrackBatch.$Shape; alert?: null; status?: null; gap?: null }|{ body?: "alert"; birth?: null; state?: null; plots?: null; tracks?: null; alert: lookout.v1.Alert.$Shape; status?: null; gap?: null }|{ body?: "status"; birth?: null; state?: null; plots?: null; tracks?: null; alert?: null; status: lookout.v1.Status.$Shape; gap?: null }|{ body?: "gap"; birth?: null; state?: null; plots?: null; tracks?: null; alert?: null; status?: null; gap: lookout.v1.Gap.$Shape })
            );
        }

        /**
         * Properties of a Birth.
         * @deprecated Use lookout.v1.Birth.$Properties instead.
         */
        interface IBirth extends lookout.v1.Birth.$Properties {
        }

        /** Represents a Birth. */
        class Birth {

            /**
             * Constructs a new Birth.
             * @param [properties] Properties to set
             */
            constructor(properties?: lookout.v1.Birth.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Birth version. */
            version: string;

            /** Birth sensors. */
            sensors: lookout.v1.Sensor.$Properties[];

            /** Birth configHash. */
            configHash: string;

            /** Birth session. */
            session: number;

            /** Birth capabilities. */
            capabilities: string[];

            /** Birth startedUs. */
            startedUs: number;

            /** Birth nextSeq. */
            nextSeq: number;

            /**
             * Creates a new Birth instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Birth instance
             */
            static create(properties: lookout.v1.Birth.$Shape): lookout.v1.Birth & lookout.v1.Birth.$Shape;
            static create(properties?: lookout.v1.Birth.$Properties): lookout.v1.Birth;

            /**
             * Encodes the specified Birth message. Does not implicitly {@link lookout.v1.Birth.verify|verify} messages.
             * @param message Birth message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: lookout.v1.Birth.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Birth message, length delimited. Does not implicitly {@link lookout.v1.Birth.verify|verify} messages.
             * @param message Birth message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: lookout.v1.Birth.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Birth message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {lookout.v1.Birth & lookout.v1.Birth.$Shape} Birth
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lookout.v1.Birth & lookout.v1.Birth.$Shape;

            /**
             * Decodes a Birth message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {lookout.v1.Birth & lookout.v1.Birth.$Shape} Birth
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): lookout.v1.Birth & lookout.v1.Birth.$Shape;

            /**
             * Verifies a Birth message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Birth message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Birth
             */
            static fromObject(object: { [k: string]: any }): lookout.v1.Birth;

            /**
             * Creates a plain object from a Birth message. Also converts values to other types if specified.
             * @param message Birth
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: lookout.v1.Birth, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Birth to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Birth
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Birth {

            /** Properties of a Birth. */
            interface $Properties {

                /** Birth version */
                version?: (string|null);

                /** Birth sensors */
                sensors?: (lookout.v1.Sensor.$Properties[]|null);

                /** Birth configHash */
                configHash?: (string|null);

                /** Birth session */
                session?: (number|null);

                /** Birth capabilities */
                capabilities?: (string[]|null);

                /** Birth startedUs */
                startedUs?: (number|null);

                /** Birth nextSeq */
                nextSeq?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Birth. */
            type $Shape = lookout.v1.Birth.$Properties;
        }

        /**
         * Properties of a Sensor.
         * @deprecated Use lookout.v1.Sensor.$Properties instead.
         */
        interface ISensor extends lookout.v1.Sensor.$Properties {
        }

        /** Represents a Sensor. */
        class Sensor {

            /**
             * Constructs a new Sensor.
             * @param [properties] Properties to set
             */
            constructor(properties?: lookout.v1.Sensor.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Sensor id. */
            id: string;

            /** Sensor protocol. */
            protocol: string;

            /** Sensor type. */
            type: string;

            /** Sensor latE7. */
            latE7: number;

            /** Sensor lonE7. */
            lonE7: number;

            /** Sensor heightDm. */
            heightDm: number;

            /**
             * Creates a new Sensor instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Sensor instance
             */
            static create(properties: lookout.v1.Sensor.$Shape): lookout.v1.Sensor & lookout.v1.Sensor.$Shape;
            static create(properties?: lookout.v1.Sensor.$Properties): lookout.v1.Sensor;

            /**
             * Encodes the specified Sensor message. Does not implicitly {@link lookout.v1.Sensor.verify|verify} messages.
             * @param message Sensor message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: lookout.v1.Sensor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Sensor message, length delimited. Does not implicitly {@link lookout.v1.Sensor.verify|verify} messages.
             * @param message Sensor message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: lookout.v1.Sensor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Sensor message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {lookout.v1.Sensor & lookout.v1.Sensor.$Shape} Sensor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lookout.v1.Sensor & lookout.v1.Sensor.$Shape;

            /**
             * Decodes a Sensor message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {lookout.v1.Sensor & lookout.v1.Sensor.$Shape} Sensor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): lookout.v1.Sensor & lookout.v1.Sensor.$Shape;

            /**
             * Verifies a Sensor message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Sensor message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Sensor
             */
            static fromObject(object: { [k: string]: any }): lookout.v1.Sensor;

            /**
             * Creates a plain object from a Sensor message. Also converts values to other types if specified.
             * @param message Sensor
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: lookout.v1.Sensor, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Sensor to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Sensor
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Sensor {

            /** Properties of a Sensor. */
            interface $Properties {

                /** Sensor id */
                id?: (string|null);

                /** Sensor protocol */
                protocol?: (string|null);

                /** Sensor type */
                type?: (string|null);

                /** Sensor latE7 */
                latE7?: (number|null);

                /** Sensor lonE7 */
                lonE7?: (number|null);

                /** Sensor heightDm */
                heightDm?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Sensor. */
            type $Shape = lookout.v1.Sensor.$Properties;
        }

        /**
         * Properties of a State.
         * @deprecated Use lookout.v1.State.$Properties instead.
         */
        interface IState extends lookout.v1.State.$Properties {
        }

        /** Represents a State. */
        class State {

            /**
             * Constructs a new State.
             * @param [properties] Properties to set
             */
            constructor(properties?: lookout.v1.State.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** State online. */
            online: boolean;

            /** State sinceUs. */
            sinceUs: number;

            /**
             * Creates a new State instance using the specified properties.
             * @param [properties] Properties to set
             * @returns State instance
             */
            static create(properties: lookout.v1.State.$Shape): lookout.v1.State & lookout.v1.State.$Shape;
            static create(properties?: lookout.v1.State.$Properties): lookout.v1.State;

            /**
             * Encodes the specified State message. Does not implicitly {@link lookout.v1.State.verify|verify} messages.
             * @param message State message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: lookout.v1.State.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified State message, length delimited. Does not implicitly {@link lookout.v1.State.verify|verify} messages.
             * @param message State message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: lookout.v1.State.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a State message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {lookout.v1.State & lookout.v1.State.$Shape} State
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lookout.v1.State & lookout.v1.State.$Shape;

            /**
             * Decodes a State message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {lookout.v1.State & lookout.v1.State.$Shape} State
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): lookout.v1.State & lookout.v1.State.$Shape;

            /**
             * Verifies a State message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a State message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns State
             */
            static fromObject(object: { [k: string]: any }): lookout.v1.State;

            /**
             * Creates a plain object from a State message. Also converts values to other types if specified.
             * @param message State
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: lookout.v1.State, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this State to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for State
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace State {

            /** Properties of a State. */
            interface $Properties {

                /** State online */
                online?: (boolean|null);

                /** State sinceUs */
                sinceUs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a State. */
            type $Shape = lookout.v1.State.$Properties;
        }

        /**
         * Properties of a PlotBatch.
         * @deprecated Use lookout.v1.PlotBatch.$Properties instead.
         */
        interface IPlotBatch extends lookout.v1.PlotBatch.$Properties {
        }

        /** Represents a PlotBatch. */
        class PlotBatch {

            /**
             * Constructs a new PlotBatch.
             * @param [properties] Properties to set
             */
            constructor(properties?: lookout.v1.PlotBatch.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PlotBatch sensor. */
            sensor: string;

            /** PlotBatch scan. */
            scan: number;

            /** PlotBatch originLatE7. */
            originLatE7: number;

            /** PlotBatch originLonE7. */
            originLonE7: number;

            /** PlotBatch baseTimeUs. */
            baseTimeUs: number;

            /** PlotBatch timeDelta_100us. */
            timeDelta_100us: number[];

            /** PlotBatch rangeDeltaDm. */
            rangeDeltaDm: number[];

            /** PlotBatch bearingDeltaB16. */
            bearingDeltaB16: number[];

            /** PlotBatch rangeExtentM. */
            rangeExtentM: number[];

            /** PlotBatch azimuthExtentB12. */
            azimuthExtentB12: number[];

            /** PlotBatch peakPowerDb. */
            peakPowerDb: number[];

            /** PlotBatch peakMinusMeanQdb. */
            peakMinusMeanQdb: number[];

            /** PlotBatch cellCount. */
            cellCount: number[];

            /** PlotBatch latDeltaE7. */
            latDeltaE7: number[];

            /** PlotBatch lonDeltaE7. */
            lonDeltaE7: number[];

            /** PlotBatch thinned. */
            thinned: number;

            /** PlotBatch scanDelta. */
            scanDelta: number[];

            /**
             * Creates a new PlotBatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PlotBatch instance
             */
            static create(properties: lookout.v1.PlotBatch.$Shape): lookout.v1.PlotBatch & lookout.v1.PlotBatch.$Shape;
            static create(properties?: lookout.v1.PlotBatch.$Properties): lookout.v1.PlotBatch;

            /**
             * Encodes the specified PlotBatch message. Does not implicitly {@link lookout.v1.PlotBatch.verify|verify} messages.
             * @param message PlotBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: lookout.v1.PlotBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PlotBatch message, length delimited. Does not implicitly {@link lookout.v1.PlotBatch.verify|verify} messages.
             * @param message PlotBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: lookout.v1.PlotBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PlotBatch message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {lookout.v1.PlotBatch & lookout.v1.PlotBatch.$Shape} PlotBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lookout.v1.PlotBatch & lookout.v1.PlotBatch.$Shape;

            /**
             * Decodes a PlotBatch message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {lookout.v1.PlotBatch & lookout.v1.PlotBatch.$Shape} PlotBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): lookout.v1.PlotBatch & lookout.v1.PlotBatch.$Shape;

            /**
             * Verifies a PlotBatch message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a PlotBatch message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PlotBatch
             */
            static fromObject(object: { [k: string]: any }): lookout.v1.PlotBatch;

            /**
             * Creates a plain object from a PlotBatch message. Also converts values to other types if specified.
             * @param message PlotBatch
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: lookout.v1.PlotBatch, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PlotBatch to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PlotBatch
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PlotBatch {

            /** Properties of a PlotBatch. */
            interface $Properties {

                /** PlotBatch sensor */
                sensor?: (string|null);

                /** PlotBatch scan */
                scan?: (number|null);

                /** PlotBatch originLatE7 */
                originLatE7?: (number|null);

                /** PlotBatch originLonE7 */
                originLonE7?: (number|null);

                /** PlotBatch baseTimeUs */
                baseTimeUs?: (number|null);

                /** PlotBatch timeDelta_100us */
                timeDelta_100us?: (number[]|null);

                /** PlotBatch rangeDeltaDm */
                rangeDeltaDm?: (number[]|null);

                /** PlotBatch bearingDeltaB16 */
                bearingDeltaB16?: (number[]|null);

                /** PlotBatch rangeExtentM */
                rangeExtentM?: (number[]|null);

                /** PlotBatch azimuthExtentB12 */
                azimuthExtentB12?: (number[]|null);

                /** PlotBatch peakPowerDb */
                peakPowerDb?: (number[]|null);

                /** PlotBatch peakMinusMeanQdb */
                peakMinusMeanQdb?: (number[]|null);

                /** PlotBatch cellCount */
                cellCount?: (number[]|null);

                /** PlotBatch latDeltaE7 */
                latDeltaE7?: (number[]|null);

                /** PlotBatch lonDeltaE7 */
                lonDeltaE7?: (number[]|null);

                /** PlotBatch thinned */
                thinned?: (number|null);

                /** PlotBatch scanDelta */
                scanDelta?: (number[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PlotBatch. */
            type $Shape = lookout.v1.PlotBatch.$Properties;
        }

        /**
         * Properties of a TrackBatch.
         * @deprecated Use lookout.v1.TrackBatch.$Properties instead.
         */
        interface ITrackBatch extends lookout.v1.TrackBatch.$Properties {
        }

        /** Represents a TrackBatch. */
        class TrackBatch {

            /**
             * Constructs a new TrackBatch.
             * @param [properties] Properties to set
             */
            constructor(properties?: lookout.v1.TrackBatch.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TrackBatch sensor. */
            sensor: string;

            /** TrackBatch tracks. */
            tracks: lookout.v1.Track.$Properties[];

            /**
             * Creates a new TrackBatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TrackBatch instance
             */
            static create(properties: lookout.v1.TrackBatch.$Shape): lookout.v1.TrackBatch & lookout.v1.TrackBatch.$Shape;
            static create(properties?: lookout.v1.TrackBatch.$Properties): lookout.v1.TrackBatch;

            /**
             * Encodes the specified TrackBatch message. Does not implicitly {@link lookout.v1.TrackBatch.verify|verify} messages.
             * @param message TrackBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: lookout.v1.TrackBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TrackBatch message, length delimited. Does not implicitly {@link lookout.v1.TrackBatch.verify|verify} messages.
             * @param message TrackBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: lookout.v1.TrackBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TrackBatch message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {lookout.v1.TrackBatch & lookout.v1.TrackBatch.$Shape} TrackBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lookout.v1.TrackBatch & lookout.v1.TrackBatch.$Shape;

            /**
             * Decodes a TrackBatch message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {lookout.v1.TrackBatch & lookout.v1.TrackBatch.$Shape} TrackBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): lookout.v1.TrackBatch & lookout.v1.TrackBatch.$Shape;

            /**
             * Verifies a TrackBatch message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TrackBatch message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TrackBatch
             */
            static fromObject(object: { [k: string]: any }): lookout.v1.TrackBatch;

            /**
             * Creates a plain object from a TrackBatch message. Also converts values to other types if specified.
             * @param message TrackBatch
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: lookout.v1.TrackBatch, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TrackBatch to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TrackBatch
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TrackBatch {

            /** Properties of a TrackBatch. */
            interface $Properties {

                /** TrackBatch sensor */
                sensor?: (string|null);

                /** TrackBatch tracks */
                tracks?: (lookout.v1.Track.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TrackBatch. */
            type $Shape = lookout.v1.TrackBatch.$Properties;
        }

        /**
         * Properties of a Track.
         * @deprecated Use lookout.v1.Track.$Properties instead.
         */
        interface ITrack extends lookout.v1.Track.$Properties {
        }

        /** Represents a Track. */
        class Track {

            /**
             * Constructs a new Track.
             * @param [properties] Properties to set
             */
            constructor(properties?: lookout.v1.Track.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Track id. */
            id: number;

            /** Track timeUs. */
            timeUs: number;

            /** Track latE7. */
            latE7: number;

            /** Track lonE7. */
            lonE7: number;

            /** Track speedCms. */
            speedCms: number;

            /** Track courseB16. */
            courseB16: number;

            /** Track rangeDm. */
            rangeDm: number;

            /** Track bearingB16. */
            bearingB16: number;

            /** Track hits. */
            hits: number;

            /** Track status. */
            status: number;

            /**
             * Creates a new Track instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Track instance
             */
            static create(properties: lookout.v1.Track.$Shape): lookout.v1.Track & lookout.v1.Track.$Shape;
            static create(properties?: lookout.v1.Track.$Properties): lookout.v1.Track;

            /**
             * Encodes the specified Track message. Does not implicitly {@link lookout.v1.Track.verify|verify} messages.
             * @param message Track message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: lookout.v1.Track.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Track message, length delimited. Does not implicitly {@link lookout.v1.Track.verify|verify} messages.
             * @param message Track message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: lookout.v1.Track.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Track message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {lookout.v1.Track & lookout.v1.Track.$Shape} Track
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lookout.v1.Track & lookout.v1.Track.$Shape;

            /**
             * Decodes a Track message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {lookout.v1.Track & lookout.v1.Track.$Shape} Track
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): lookout.v1.Track & lookout.v1.Track.$Shape;

            /**
             * Verifies a Track message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Track message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Track
             */
            static fromObject(object: { [k: string]: any }): lookout.v1.Track;

            /**
             * Creates a plain object from a Track message. Also converts values to other types if specified.
             * @param message Track
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: lookout.v1.Track, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Track to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Track
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Track {

            /** Properties of a Track. */
            interface $Properties {

                /** Track id */
                id?: (number|null);

                /** Track timeUs */
                timeUs?: (number|null);

                /** Track latE7 */
                latE7?: (number|null);

                /** Track lonE7 */
                lonE7?: (number|null);

                /** Track speedCms */
                speedCms?: (number|null);

                /** Track courseB16 */
                courseB16?: (number|null);

                /** Track rangeDm */
                rangeDm?: (number|null);

                /** Track bearingB16 */
                bearingB16?: (number|null);

                /** Track hits */
                hits?: (number|null);

                /** Track status */
                status?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Track. */
            type $Shape = lookout.v1.Track.$Properties;
        }

        /** Severity enum. */
        enum Severity {

            /** SEVERITY_UNSPECIFIED value */
            SEVERITY_UNSPECIFIED = 0,

            /** SEVERITY_INFO value */
            SEVERITY_INFO = 1,

            /** SEVERITY_WARNING value */
            SEVERITY_WARNING = 2,

            /** SEVERITY_CRITICAL value */
            SEVERITY_CRITICAL = 3
        }

        /**
         * Properties of an Alert.
         * @deprecated Use lookout.v1.Alert.$Properties instead.
         */
        interface IAlert extends lookout.v1.Alert.$Properties {
        }

        /** Represents an Alert. */
        class Alert {

            /**
             * Constructs a new Alert.
             * @param [properties] Properties to set
             */
            constructor(properties?: lookout.v1.Alert.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Alert severity. */
            severity: lookout.v1.Severity;

            /** Alert code. */
            code: string;

            /** Alert message. */
            message: string;

            /** Alert details. */
            details: { [k: string]: string };

            /** Alert trackId. */
            trackId: number;

            /**
             * Creates a new Alert instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Alert instance
             */
            static create(properties: lookout.v1.Alert.$Shape): lookout.v1.Alert & lookout.v1.Alert.$Shape;
            static create(properties?: lookout.v1.Alert.$Properties): lookout.v1.Alert;

            /**
             * Encodes the specified Alert message. Does not implicitly {@link lookout.v1.Alert.verify|verify} messages.
             * @param message Alert message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: lookout.v1.Alert.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Alert message, length delimited. Does not implicitly {@link lookout.v1.Alert.verify|verify} messages.
             * @param message Alert message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: lookout.v1.Alert.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Alert message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {lookout.v1.Alert & lookout.v1.Alert.$Shape} Alert
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lookout.v1.Alert & lookout.v1.Alert.$Shape;

            /**
             * Decodes an Alert message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {lookout.v1.Alert & lookout.v1.Alert.$Shape} Alert
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): lookout.v1.Alert & lookout.v1.Alert.$Shape;

            /**
             * Verifies an Alert message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Alert message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Alert
             */
            static fromObject(object: { [k: string]: any }): lookout.v1.Alert;

            /**
             * Creates a plain object from an Alert message. Also converts values to other types if specified.
             * @param message Alert
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: lookout.v1.Alert, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Alert to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Alert
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Alert {

            /** Properties of an Alert. */
            interface $Properties {

                /** Alert severity */
                severity?: (lookout.v1.Severity|null);

                /** Alert code */
                code?: (string|null);

                /** Alert message */
                message?: (string|null);

                /** Alert details */
                details?: ({ [k: string]: string }|null);

                /** Alert trackId */
                trackId?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Alert. */
            type $Shape = lookout.v1.Alert.$Properties;
        }

        /**
         * Properties of a Status.
         * @deprecated Use lookout.v1.Status.$Properties instead.
         */
        interface IStatus extends lookout.v1.Status.$Properties {
        }

        /** Represents a Status. */
        class Status {

            /**
             * Constructs a new Status.
             * @param [properties] Properties to set
             */
            constructor(properties?: lookout.v1.Status.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Status spokesPerSecond. */
            spokesPerSecond: number;

            /** Status plotsPerScan. */
            plotsPerScan: number;

            /** Status outboxDepth. */
            outboxDepth: number;

            /** Status outboxBytes. */
            outboxBytes: number;

            /** Status published. */
            published: number;

            /** Status dropped. */
            dropped: number;

            /** Status thinned. */
            thinned: number;

            /** Status uptimeS. */
            uptimeS: number;

            /** Status counters. */
            counters: { [k: string]: number };

            /** Status gauges. */
            gauges: { [k: string]: number };

            /**
             * Creates a new Status instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Status instance
             */
            static create(properties: lookout.v1.Status.$Shape): lookout.v1.Status & lookout.v1.Status.$Shape;
            static create(properties?: lookout.v1.Status.$Properties): lookout.v1.Status;

            /**
             * Encodes the specified Status message. Does not implicitly {@link lookout.v1.Status.verify|verify} messages.
             * @param message Status message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: lookout.v1.Status.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Status message, length delimited. Does not implicitly {@link lookout.v1.Status.verify|verify} messages.
             * @param message Status message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: lookout.v1.Status.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Status message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {lookout.v1.Status & lookout.v1.Status.$Shape} Status
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lookout.v1.Status & lookout.v1.Status.$Shape;

            /**
             * Decodes a Status message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {lookout.v1.Status & lookout.v1.Status.$Shape} Status
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): lookout.v1.Status & lookout.v1.Status.$Shape;

            /**
             * Verifies a Status message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Status message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Status
             */
            static fromObject(object: { [k: string]: any }): lookout.v1.Status;

            /**
             * Creates a plain object from a Status message. Also converts values to other types if specified.
             * @param message Status
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: lookout.v1.Status, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Status to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Status
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Status {

            /** Properties of a Status. */
            interface $Properties {

                /** Status spokesPerSecond */
                spokesPerSecond?: (number|null);

                /** Status plotsPerScan */
                plotsPerScan?: (number|null);

                /** Status outboxDepth */
                outboxDepth?: (number|null);

                /** Status outboxBytes */
                outboxBytes?: (number|null);

                /** Status published */
                published?: (number|null);

                /** Status dropped */
                dropped?: (number|null);

                /** Status thinned */
                thinned?: (number|null);

                /** Status uptimeS */
                uptimeS?: (number|null);

                /** Status counters */
                counters?: ({ [k: string]: number }|null);

                /** Status gauges */
                gauges?: ({ [k: string]: number }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Status. */
            type $Shape = lookout.v1.Status.$Properties;
        }

        /** GapReason enum. */
        enum GapReason {

            /** GAP_REASON_UNSPECIFIED value */
            GAP_REASON_UNSPECIFIED = 0,

            /** GAP_REASON_QUOTA value */
            GAP_REASON_QUOTA = 1,

            /** GAP_REASON_EXPIRED value */
            GAP_REASON_EXPIRED = 2,

            /** GAP_REASON_CORRUPT value */
            GAP_REASON_CORRUPT = 3,

            /** GAP_REASON_DISK_FULL value */
            GAP_REASON_DISK_FULL = 4
        }

        /**
         * Properties of a Gap.
         * @deprecated Use lookout.v1.Gap.$Properties instead.
         */
        interface IGap extends lookout.v1.Gap.$Properties {
        }

        /** Represents a Gap. */
        class Gap {

            /**
             * Constructs a new Gap.
             * @param [properties] Properties to set
             */
            constructor(properties?: lookout.v1.Gap.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Gap firstSeq. */
            firstSeq: number[];

            /** Gap lastSeq. */
            lastSeq: number[];

            /** Gap reason. */
            reason: lookout.v1.GapReason;

            /** Gap count. */
            count: number;

            /** Gap kinds. */
            kinds: lookout.v1.Kind[];

            /**
             * Creates a new Gap instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Gap instance
             */
            static create(properties: lookout.v1.Gap.$Shape): lookout.v1.Gap & lookout.v1.Gap.$Shape;
            static create(properties?: lookout.v1.Gap.$Properties): lookout.v1.Gap;

            /**
             * Encodes the specified Gap message. Does not implicitly {@link lookout.v1.Gap.verify|verify} messages.
             * @param message Gap message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: lookout.v1.Gap.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Gap message, length delimited. Does not implicitly {@link lookout.v1.Gap.verify|verify} messages.
             * @param message Gap message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: lookout.v1.Gap.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Gap message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {lookout.v1.Gap & lookout.v1.Gap.$Shape} Gap
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lookout.v1.Gap & lookout.v1.Gap.$Shape;

            /**
             * Decodes a Gap message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {lookout.v1.Gap & lookout.v1.Gap.$Shape} Gap
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): lookout.v1.Gap & lookout.v1.Gap.$Shape;

            /**
             * Verifies a Gap message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Gap message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Gap
             */
            static fromObject(object: { [k: string]: any }): lookout.v1.Gap;

            /**
             * Creates a plain object from a Gap message. Also converts values to other types if specified.
             * @param message Gap
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: lookout.v1.Gap, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Gap to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Gap
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Gap {

            /** Properties of a Gap. */
            interface $Properties {

                /** Gap firstSeq */
                firstSeq?: (number[]|null);

                /** Gap lastSeq */
                lastSeq?: (number[]|null);

                /** Gap reason */
                reason?: (lookout.v1.GapReason|null);

                /** Gap count */
                count?: (number|null);

                /** Gap kinds */
                kinds?: (lookout.v1.Kind[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Gap. */
            type $Shape = lookout.v1.Gap.$Properties;
        }
    }
}
